<?php
/*
 * Per-user settings as WebAccess' Settings (server/core/class.settings.php): one tree, nested by
 * the "/"-separated path ("zarafa/v1/plugins/x/y"); get() walks it, set() merges the value in and
 * saves at once, and getJavaScript() writes the whole tree as JavaScript, which
 * client/webclient.php puts into every main page (index.php here). Kept in a JSON file per user
 * instead of PR_EC_WEBACCESS_SETTINGS in the user's store.
 */
class Settings
{
	var $file;
	var $settings;

	function __construct($user)
	{
		$this->file = HOST_STATE_DIR . '/settings/' . rawurlencode((string) $user) . '.json';
		$stored = is_file($this->file) ? json_decode(file_get_contents($this->file), true) : null;
		$this->settings = is_array($stored) ? $stored : array();
	}

	function get($path = null, $default = null)
	{
		if ($path === null || $path === '') {
			return $this->settings;
		}
		$node = $this->settings;
		foreach (self::steps($path) as $step) {
			if (!is_array($node) || !isset($node[$step])) {
				return $default;
			}
			$node = $node[$step];
		}
		return $node;
	}

	function set($path, $value)
	{
		$node = &$this->settings;
		foreach (self::steps($path) as $step) {
			if (!isset($node[$step]) || !is_array($node[$step])) {
				$node[$step] = array();
			}
			$node = &$node[$step];
		}
		$node = $value;
		unset($node);
		$this->saveSettings();
	}

	function delete($path)
	{
		$steps = self::steps($path);
		$last = array_pop($steps);
		$node = &$this->settings;
		foreach ($steps as $step) {
			if (!isset($node[$step]) || !is_array($node[$step])) {
				return;
			}
			$node = &$node[$step];
		}
		unset($node[$last]);
		$this->saveSettings();
	}

	function saveSettings()
	{
		if (!is_dir(dirname($this->file))) {
			mkdir(dirname($this->file), 0700, true);
		}
		file_put_contents($this->file, json_encode($this->settings), LOCK_EX);
	}

	/**
	 * The tree as statements that build `var settings` (the form WebAccess writes): keys are
	 * always quoted, values unless they are plain integers; quoted text has \, ", line ends and <
	 * escaped, so that the tree cannot end the script block.
	 */
	function getJavaScript($indenting = "\t", $current = null, $base = 'settings')
	{
		$declare = $current === null;
		if ($declare) {
			$current = $this->settings;
		}
		$output = $indenting . ($declare ? 'var ' : '') . $base . " = new Object();\n";
		foreach ($current as $key => $value) {
			$member = $base . '[' . self::jsQuoted((string) $key) . ']';
			if (is_array($value)) {
				$output .= $this->getJavaScript($indenting, $value, $member);
			} else {
				$output .= $indenting . $member . ' = ' . self::jsValue((string) $value) . ";\n";
			}
		}
		return $output;
	}

	private static function jsValue($text)
	{
		return preg_match('/^([1-9][0-9]*|0)$/', $text) ? $text : self::jsQuoted($text);
	}

	private static function jsQuoted($text)
	{
		return '"' . str_replace(array('\\', '"', "\n", "\r", '<'), array('\\\\', '\\"', '\\n', '\\r', '\\x3C'), $text) . '"';
	}

	private static function steps($path)
	{
		return array_values(array_filter(explode('/', (string) $path), 'strlen'));
	}
}
