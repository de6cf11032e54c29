<?php
/*
 * Finds, loads and runs plugins the way WebAccess' PluginManager does (server/core/
 * class.pluginmanager.php): every PATH_PLUGIN_DIR/<name>/manifest.xml is plugin <name>; files of
 * type "plugin" are included at start-up, then Plugin<name> is made, named and init()ed;
 * module files are included when a request names the module.
 */
class PluginManager
{
	var $plugindata = array();
	var $plugins = array();
	var $hooks = array();

	function detectPlugins()
	{
		if (!ENABLE_PLUGINS || !is_dir(PATH_PLUGIN_DIR)) {
			return;
		}
		$disabled = array_filter(explode(';', DISABLED_PLUGINS_LIST));
		foreach (scandir(PATH_PLUGIN_DIR) as $name) {
			$manifest = PATH_PLUGIN_DIR . '/' . $name . '/manifest.xml';
			if ($name[0] === '.' || in_array($name, $disabled, true) || !is_file($manifest)) {
				continue;
			}
			$data = $this->extractPluginDataFromXML(file_get_contents($manifest));
			if ($data !== false) {
				$this->plugindata[$name] = $data;
			}
		}
	}

	/** The manifest's resources; false (plugin ignored) without <info> and <resources>. */
	function extractPluginDataFromXML($xml)
	{
		$root = @simplexml_load_string($xml);
		if ($root === false || !isset($root->info) || !isset($root->resources)) {
			return false;
		}
		$data = array('info' => array(), 'server' => array(), 'modules' => array(), 'client' => array(),
			'dialogs' => array(), 'language' => null);
		foreach ($root->info->children() as $field) {
			$data['info'][$field->getName()] = trim((string) $field);
		}
		$resources = $root->resources;
		if (isset($resources->server)) {
			foreach ($resources->server->serverfile as $file) {
				$type = (string) $file['type'] ?: 'plugin';
				if ($type === 'module') {
					$data['modules'][strtolower((string) $file['module'])] = trim((string) $file);
				} else {
					$data['server'][] = trim((string) $file);
				}
			}
		}
		if (isset($resources->client)) {
			foreach ($resources->client->clientfile as $file) {
				$data['client'][] = array(
					'file' => trim((string) $file),
					'type' => (string) $file['type'] ?: 'js',
					'load' => (string) $file['load'] ?: 'all',
				);
			}
		}
		if (isset($resources->dialogs)) {
			foreach ($resources->dialogs->dialog as $dialog) {
				$data['dialogs'][trim((string) $dialog->name)] = trim((string) $dialog->file);
			}
		}
		if (isset($resources->language)) {
			$data['language'] = trim((string) $resources->language);
		}
		return $data;
	}

	function initPlugins()
	{
		$this->detectPlugins();
		foreach ($this->plugindata as $name => $data) {
			foreach ($data['server'] as $file) {
				require_once PATH_PLUGIN_DIR . '/' . $name . '/' . $file;
			}
		}
		foreach ($this->plugindata as $name => $data) {
			$class = 'Plugin' . $name;
			if (class_exists($class)) {
				$plugin = new $class();
				$plugin->setPluginName($name);
				$this->plugins[$name] = $plugin;
				$plugin->init();
			}
			if ($data['language'] !== null) {
				bindtextdomain('plugin_' . $name, PATH_PLUGIN_DIR . '/' . $name . '/' . $data['language']);
				bind_textdomain_codeset('plugin_' . $name, 'UTF-8');
			}
		}
	}

	function registerHook($eventID, $pluginName)
	{
		$this->hooks[$eventID][$pluginName] = true;
	}

	/** Runs every plugin registered for $eventID; they change $data through its references. */
	function triggerHook($eventID, $data = array())
	{
		if (isset($this->hooks[$eventID])) {
			foreach (array_keys($this->hooks[$eventID]) as $name) {
				$this->plugins[$name]->execute($eventID, $data);
			}
		}
		return $data;
	}

	/** Includes the file of a plugin module; false when no plugin has one of that name. */
	function loadModule($moduleName)
	{
		foreach ($this->plugindata as $name => $data) {
			if (isset($data['modules'][$moduleName])) {
				require_once PATH_PLUGIN_DIR . '/' . $name . '/' . $data['modules'][$moduleName];
				return true;
			}
		}
		return false;
	}

	/** Client files for a window ("main" or "dialog"), as URLs, per type (js, module, css). */
	function getClientFiles($load)
	{
		$files = array('js' => array(), 'module' => array(), 'css' => array());
		foreach ($this->plugindata as $name => $data) {
			foreach ($data['client'] as $file) {
				if ($file['load'] === 'all' || $file['load'] === $load) {
					$files[$file['type']][] = 'plugins/' . rawurlencode($name) . '/' . $file['file'];
				}
			}
		}
		return $files;
	}

	function getDialogFile($plugin, $dialog)
	{
		if (!isset($this->plugindata[$plugin]['dialogs'][$dialog])) {
			return false;
		}
		return PATH_PLUGIN_DIR . '/' . $plugin . '/' . $this->plugindata[$plugin]['dialogs'][$dialog];
	}

	/** The .mo files of every plugin for $locale, by text domain. */
	function getTranslationFiles($locale)
	{
		$files = array();
		foreach ($this->plugindata as $name => $data) {
			$file = PATH_PLUGIN_DIR . '/' . $name . '/' . $data['language'] . '/' . $locale . '/LC_MESSAGES/plugin_' . $name . '.mo';
			if ($data['language'] !== null && is_file($file)) {
				$files['plugin_' . $name] = $file;
			}
		}
		return $files;
	}

	function getPluginNames()
	{
		return array_keys($this->plugins);
	}

	// Plugin session data (Plugin::getData/setData), kept in the PHP session.
	function loadSessionData($name)
	{
		$key = 'plugindata_' . $name;
		$this->plugins[$name]->setSessionData(isset($_SESSION[$key]) ? $_SESSION[$key] : array());
	}

	function saveSessionData($name)
	{
		$_SESSION['plugindata_' . $name] = $this->plugins[$name]->getSessionData();
	}
}
