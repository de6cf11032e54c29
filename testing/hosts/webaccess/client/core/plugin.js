/* The base class of client plugins, as WebAccess' client/core/plugin.js. */

Plugin.prototype.constructor = Plugin;

function Plugin()
{
}

Plugin.prototype.setPluginName = function(name)
{
	this.pluginname = name;
};

Plugin.prototype.getPluginName = function()
{
	return this.pluginname;
};

Plugin.prototype.registerHook = function(eventID)
{
	if (this.getPluginName()) {
		webclient.pluginManager.registerHook(eventID, this.getPluginName());
	}
};

Plugin.prototype.execute = function() {};
Plugin.prototype.init = function() {};
