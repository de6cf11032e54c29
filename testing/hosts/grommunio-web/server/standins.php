<?php
/*
 * Stand-ins for the grommunio-web server classes the click2dial plugin depends on, written from
 * the documented contracts (shared/reference/grommunio-web-plugin-api.md, sections 1.2, 3.1-3.5),
 * not from grommunio-web's code. Used by the phpt tests (testing/php/grommunio-web/) and the
 * browser-test host (../grommunio.php). What they reproduce:
 *   Plugin        registerHook/execute/init/setPluginName, hooks fired by GwPluginManager;
 *   Module        __construct($id, $data) with $data = [actionType => actionData],
 *                 addActionData (first value per type kept), sendFeedback -> success/error,
 *                 getResponseData() = [strtolower(class) => [id => responseData]];
 *   Bus           addData (BusException for the same module, id, action type and value twice),
 *                 getData;
 *   EncryptionStore  AES-256-CBC, 16-byte random key in the httponly cookie
 *                 encryption-store-key (hex), 16-byte IV hex in $_SESSION['encryption-store-iv'],
 *                 values base64 in $_SESSION['encryption-store'][key]['val']; add() opens the
 *                 session again for writing, get() reads the session loaded already;
 *   MAPISession   getUserName() = the EncryptionStore's 'username'; getAddressbook() = the
 *                 address book of server/mapi-addressbook.php (the global address list from
 *                 a JSON file); getDefaultMessageStore() = the user's store of
 *                 server/mapi-store.php (contact folders from a JSON file); php-mapi's
 *                 functions on both in those files and server/mapi-tables.php;
 *   Settings      get/set by path, addSysAdminDefaults (defaults are not stored), getJSON()
 *                 (the whole tree, as grommunio-web writes it into the page), kept per user
 *                 in a JSON file (the mailbox in the real one).
 */
if (!defined('ERROR_MAPI')) {
	define('ERROR_MAPI', 1);
	define('ERROR_ZARAFA', 2);
	define('ERROR_GENERAL', 3);
}

class BusException extends Exception
{
}

class Bus
{
	private $responseData = [];

	public function reset()
	{
		$this->responseData = [];
	}

	public function addData($data)
	{
		foreach ($data as $moduleName => $module) {
			foreach ($module as $moduleId => $action) {
				foreach ($action as $actionType => $actionData) {
					if (isset($this->responseData[$moduleName][$moduleId][$actionType])
						&& $this->responseData[$moduleName][$moduleId][$actionType] == $actionData) {
						throw new BusException("Can't add data to bus, same action type is present in bus");
					}
				}
			}
		}
		$this->responseData = array_replace_recursive($this->responseData, $data);
	}

	public function getData()
	{
		return empty($this->responseData) ? json_encode(['zarafa' => []]) : $this->responseData;
	}
}

class Module
{
	protected $responseData = [];

	public function __construct(public $id, public $data)
	{
	}

	public function execute()
	{
	}

	public function getModuleName()
	{
		return strtolower(static::class);
	}

	public function addActionData($actionType, $data)
	{
		if (!isset($this->responseData[$actionType])) {
			$this->responseData[$actionType] = $data;
		}
	}

	public function sendFeedback($success = false, $data = [], $addResponseDataToBus = true)
	{
		$this->addActionData($success === true ? 'success' : 'error', $data);
		if ($addResponseDataToBus) {
			$GLOBALS['bus']->addData($this->getResponseData());
		}
	}

	public function getResponseData()
	{
		return empty($this->responseData) ? [] : [$this->getModuleName() => [$this->id => $this->responseData]];
	}

	public function handleUnknownActionType($actionType)
	{
		$this->sendFeedback(false, ['type' => ERROR_ZARAFA, 'info' => [
			'display_message' => 'Could not process request data properly.',
			'original_message' => 'Unknown action type specified - ' . $actionType,
		]]);
	}
}

class Plugin
{
	private $pluginName = '';
	private $hooks = [];

	public function init()
	{
	}

	public function execute($eventID, &$data)
	{
	}

	public function setPluginName($name)
	{
		$this->pluginName = $name;
	}

	public function getPluginName()
	{
		return $this->pluginName;
	}

	public function registerHook($eventID)
	{
		$this->hooks[] = $eventID;
	}

	public function hooks()
	{
		return $this->hooks;
	}
}

/**
 * Loads plugins as grommunio-web's PluginManager does for what the plugin needs: the manifest
 * (version 2 with <components>, else rejected), the config file first, every plain server file
 * included and its Plugin<name> instantiated (setPluginName, init), module files registered
 * under their module attribute.
 */
class GwPluginManager
{
	public $plugins = [];
	public $modules = [];
	public $clientFiles = [];
	public $cssFiles = [];
	public $translationsDirs = [];

	public function __construct(public string $pluginDir)
	{
	}

	public function loadPlugin(string $name): void
	{
		$dir = $this->pluginDir . '/' . $name;
		$xml = simplexml_load_file($dir . '/manifest.xml');
		if ($xml === false || (string) $xml['version'] !== '2' || !isset($xml->components)) {
			throw new RuntimeException("plugin $name: manifest rejected");
		}
		if (isset($xml->config->configfile)) {
			require_once $dir . '/' . $xml->config->configfile;
		}
		if (isset($xml->translations->translationsdir)) {
			$this->translationsDirs[$name] = $dir . '/' . $xml->translations->translationsdir;
		}
		foreach ($xml->components->component as $component) {
			foreach ($component->files->server->serverfile ?? [] as $file) {
				$type = (string) ($file['type'] ?? 'plugin');
				if ($type === 'module') {
					$this->modules[(string) $file['module']] = $dir . '/' . $file;
				} elseif ($type === 'plugin' || $type === '') {
					require_once $dir . '/' . $file;
					$class = 'Plugin' . $name;
					$plugin = new $class();
					$plugin->setPluginName($name);
					$plugin->init();
					$this->plugins[$name] = $plugin;
				}
			}
			foreach ($component->files->client->clientfile ?? [] as $file) {
				if (in_array((string) ($file['load'] ?? 'release'), ['release', ''], true)) {
					$this->clientFiles[] = 'plugins/' . $name . '/' . $file;
				}
			}
			foreach ($component->files->resources->resourcefile ?? [] as $file) {
				$this->cssFiles[] = 'plugins/' . $name . '/' . $file;
			}
		}
	}

	public function triggerHook(string $eventID, array &$data = []): void
	{
		foreach ($this->plugins as $plugin) {
			if (in_array($eventID, $plugin->hooks(), true)) {
				$plugin->execute($eventID, $data);
			}
		}
	}

	/** Dispatcher::loadModule: an exact module name, else nothing. */
	public function loadModule(string $moduleName, $id, $data)
	{
		if (!isset($this->modules[$moduleName])) {
			return null;
		}
		require_once $this->modules[$moduleName];
		return new $moduleName($id, $data);
	}
}

class EncryptionStore
{
	const CIPHER = 'aes-256-cbc';
	private static $instance;
	private static $key;

	public static function getInstance()
	{
		return self::$instance ??= new EncryptionStore();
	}

	/** For tests: forget the key of the last session (a new browser). */
	public static function reset()
	{
		self::$instance = null;
		self::$key = null;
	}

	private function key(): string
	{
		if (self::$key === null) {
			if (isset($_COOKIE['encryption-store-key'])) {
				self::$key = (string) hex2bin((string) $_COOKIE['encryption-store-key']);
			} else {
				self::$key = random_bytes(openssl_cipher_iv_length(self::CIPHER));
				$_COOKIE['encryption-store-key'] = bin2hex(self::$key);
				if (PHP_SAPI !== 'cli' && !headers_sent()) {
					setcookie('encryption-store-key', bin2hex(self::$key), ['httponly' => true, 'path' => '/', 'samesite' => 'Lax']);
				}
			}
		}
		return self::$key;
	}

	private function iv(): string
	{
		if (!isset($_SESSION['encryption-store-iv'])) {
			$_SESSION['encryption-store-iv'] = bin2hex(random_bytes(16));
		}
		return hex2bin($_SESSION['encryption-store-iv']);
	}

	public function add($key, $value, $expiration = 0)
	{
		$opened = $this->openSession();
		$_SESSION['encryption-store'][$key] = ['val' => openssl_encrypt((string) $value, self::CIPHER, $this->key(), 0, $this->iv())];
		if ($opened) {
			session_write_close();
		}
	}

	public function get($key)
	{
		if (!isset($_SESSION['encryption-store'][$key]['val'], $_SESSION['encryption-store-iv'])) {
			return null;
		}
		$value = openssl_decrypt($_SESSION['encryption-store'][$key]['val'], self::CIPHER, $this->key(), 0, $this->iv());
		return $value === false ? null : $value;
	}

	/** Opens the session for writing when grommunio.php closed it (web only). */
	private function openSession(): bool
	{
		if (PHP_SAPI === 'cli' || session_status() === PHP_SESSION_ACTIVE) {
			return false;
		}
		session_start();
		return true;
	}
}

require_once __DIR__ . '/mapi-addressbook.php';
require_once __DIR__ . '/mapi-store.php';

class MAPISession
{
	public function getUserName()
	{
		return EncryptionStore::getInstance()->get('username') ?: '';
	}

	/**
	 * The address book: its handle, or a MAPI error code (an int). Only the global address list;
	 * the contact folders grommunio-web's contact provider adds to it are not imitated.
	 */
	public function getAddressbook()
	{
		return GwAddressBook::open((string) (getenv('C2D_ADDRESS_BOOK') ?: __DIR__ . '/../addressbook.json'));
	}

	/** The user's own store (its contact folders); MAPIException when it cannot be opened. */
	public function getDefaultMessageStore()
	{
		return GwMessageStore::open((string) (getenv('C2D_MAILBOX') ?: __DIR__ . '/../mailbox.json'));
	}
}

class Settings
{
	private $settings = [];
	private $defaults = [];

	public function __construct(private string $file)
	{
		$stored = is_file($file) ? json_decode((string) file_get_contents($file), true) : null;
		$this->settings = is_array($stored) ? $stored : [];
	}

	/** Fires server.core.settings.init.before, where plugins add the site's defaults. */
	public function init(GwPluginManager $plugins): void
	{
		$data = ['settingsObj' => $this];
		$plugins->triggerHook('server.core.settings.init.before', $data);
	}

	public function addSysAdminDefaults($settings)
	{
		$this->defaults = array_replace_recursive($this->defaults, $settings);
	}

	public function get($path = null, $default = null)
	{
		$tree = array_replace_recursive($this->defaults, $this->settings);
		foreach ($path === null ? [] : explode('/', $path) as $part) {
			if (!is_array($tree) || !array_key_exists($part, $tree)) {
				return $default;
			}
			$tree = $tree[$part];
		}
		return $tree;
	}

	public function set($path, $value, $autoSave = false)
	{
		$tree = &$this->settings;
		foreach (explode('/', $path) as $part) {
			if (!isset($tree[$part]) || !is_array($tree[$part])) {
				$tree[$part] = [];
			}
			$tree = &$tree[$part];
		}
		$tree = $value;
		unset($tree);
		if ($autoSave) {
			$this->saveSettings();
		}
	}

	public function saveSettings()
	{
		file_put_contents($this->file, json_encode($this->settings));
	}

	/** The whole tree, defaults included: what grommunio-web writes into the page. */
	public function getJSON()
	{
		return json_encode($this->get() ?: new stdClass());
	}
}

/**
 * JSONRequest::execute for one body: the decoded {"zarafa": {module: {id: {action: data}}}},
 * each module created by name, executed, the bus's data returned as JSON. grommunio.php decodes
 * the body whatever its Content-Type.
 */
function gw_handle_json(string $json, GwPluginManager $plugins): string
{
	$GLOBALS['bus'] = new Bus();
	$data = json_decode($json, true);
	foreach (is_array($data) && is_array($data['zarafa'] ?? null) ? $data['zarafa'] : [] as $moduleName => $modules) {
		foreach (is_array($modules) ? $modules : [] as $moduleId => $moduleData) {
			$module = $plugins->loadModule((string) $moduleName, $moduleId, $moduleData);
			if ($module === null) {
				// Core modules the client asks at start-up (junkmailmodule list, ...): answered empty.
				$GLOBALS['bus']->addData([strtolower((string) $moduleName) => [$moduleId => ['success' => new stdClass()]]]);
				continue;
			}
			$module->execute();
		}
	}
	$reply = $GLOBALS['bus']->getData();
	return is_string($reply) ? $reply : json_encode(['zarafa' => $reply]);
}
