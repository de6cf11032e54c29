<?php
/*
 * The base class of server plugins, with WebAccess' method signatures (server/core/
 * class.plugin.php): init() and execute() take no parameters, so a plugin that requires any
 * fails here on PHP 8 exactly as it would in WebAccess.
 */
class Plugin
{
	var $pluginname = false;
	var $sessionData = false;

	function setPluginName($name)
	{
		$this->pluginname = $name;
	}

	function getPluginName()
	{
		return $this->pluginname;
	}

	function registerHook($eventID)
	{
		if ($this->getPluginName()) {
			$GLOBALS['PluginManager']->registerHook($eventID, $this->getPluginName());
		}
	}

	function getData($key)
	{
		if (!$this->sessionData) {
			$GLOBALS['PluginManager']->loadSessionData($this->getPluginName());
		}
		return is_array($this->sessionData) && isset($this->sessionData[$key]) ? $this->sessionData[$key] : null;
	}

	function setData($key, $value, $autosave = true)
	{
		if (!is_array($this->sessionData)) {
			$GLOBALS['PluginManager']->loadSessionData($this->getPluginName());
		}
		$this->sessionData[$key] = $value;
		if ($autosave) {
			$GLOBALS['PluginManager']->saveSessionData($this->getPluginName());
		}
	}

	function setSessionData($sessionData)
	{
		$this->sessionData = $sessionData;
	}

	function getSessionData()
	{
		return $this->sessionData;
	}

	function getPluginPath()
	{
		return PATH_PLUGIN_DIR . '/' . $this->getPluginName() . '/';
	}

	function execute() {}
	function init() {}
}
