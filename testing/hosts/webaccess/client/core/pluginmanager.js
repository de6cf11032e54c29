/*
 * Makes client plugins by name (class "Plugin" + name), names them, init()s them and runs their
 * hooks, as WebAccess' client/core/pluginmanager.js.
 */

function PluginManager()
{
	this.plugins = {};
	this.hooks = {};
}

PluginManager.prototype.init = function(names)
{
	for (var i = 0; i < names.length; i++) {
		var constructor = window["Plugin" + names[i]];
		if (typeof constructor == "function") {
			var plugin = new constructor();
			plugin.setPluginName(names[i]);
			this.plugins[names[i]] = plugin;
			plugin.init();
		}
	}
};

PluginManager.prototype.registerHook = function(eventID, pluginName)
{
	if (!this.hooks[eventID]) {
		this.hooks[eventID] = [];
	}
	this.hooks[eventID].push(pluginName);
};

PluginManager.prototype.triggerHook = function(eventID, data)
{
	var names = this.hooks[eventID] || [];
	for (var i = 0; i < names.length; i++) {
		this.plugins[names[i]].execute(eventID, data);
	}
	return data;
};
