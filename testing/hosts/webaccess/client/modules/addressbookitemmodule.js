/*
 * The GAB details dialog's module, as WebAccess' client/modules/addressbookitemmodule.js item():
 * client.module.addressbookitem.item.before with {module, object_type, message}, then the fields
 * are filled from the item's properties by element id (ItemModule's setProperties), then
 * client.module.addressbookitem.item.after with the same data.
 */

addressbookitemmodule.prototype = new Module;
addressbookitemmodule.prototype.constructor = addressbookitemmodule;
addressbookitemmodule.superclass = Module.prototype;

function addressbookitemmodule(id, element)
{
	if (arguments.length > 0) {
		this.init(id, element);
	}
}

addressbookitemmodule.prototype.item = function(action)
{
	var message = action.getElementsByTagName("item")[0];
	var objectType = message.getElementsByTagName("object_type")[0];
	var data = {module: this, object_type: parseInt(objectType ? objectType.textContent : "0", 10), message: message};
	webclient.pluginManager.triggerHook("client.module.addressbookitem.item.before", data);
	for (var property = message.firstChild; property; property = property.nextSibling) {
		var field = property.nodeType == 1 ? document.getElementById(property.nodeName) : null;
		if (field && "value" in field) {
			field.value = property.textContent;
		}
	}
	webclient.pluginManager.triggerHook("client.module.addressbookitem.item.after", data);
};
