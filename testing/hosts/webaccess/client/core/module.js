/* The base class of client modules (WebAccess' client/core/module.js, reduced). */

function Module(id, element)
{
	if (arguments.length > 0) {
		this.init(id, element);
	}
}

Module.prototype.init = function(id, element, title, data)
{
	this.id = id;
	this.element = element;
};

Module.prototype.execute = function(type, action) {};
