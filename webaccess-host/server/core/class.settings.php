<?php
/*
 * Per-user settings by path ("zarafa/v1/plugins/x/y"), as WebAccess' Settings; kept in a JSON
 * file per user instead of the user's store.
 */
class Settings
{
	var $file;
	var $values;

	function __construct($user)
	{
		$this->file = HOST_STATE_DIR . '/settings/' . rawurlencode((string) $user) . '.json';
		$this->values = is_file($this->file) ? json_decode(file_get_contents($this->file), true) : array();
	}

	function get($path, $default = null)
	{
		return array_key_exists($path, $this->values) ? $this->values[$path] : $default;
	}

	function set($path, $value)
	{
		$this->values[$path] = $value;
	}

	function saveSettings()
	{
		if (!is_dir(dirname($this->file))) {
			mkdir(dirname($this->file), 0700, true);
		}
		file_put_contents($this->file, json_encode($this->values), LOCK_EX);
	}
}
