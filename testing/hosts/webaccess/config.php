<?php
/*
 * Settings of the test and demo host, named as in WebAccess' config.php where WebAccess has
 * the same setting. The environment can override where plugins and state live.
 */
define('PATH_PLUGIN_DIR', getenv('C2D_PLUGIN_DIR') ?: __DIR__ . '/plugins');
define('ENABLE_PLUGINS', true);
define('DISABLED_PLUGINS_LIST', getenv('C2D_DISABLED_PLUGINS') ?: '');
// WebAccess' defaults from config.php.dist: the session password is sealed with these.
define('PASSWORD_KEY', 'a75356b0d1b81b7');
define('PASSWORD_IV', 'b3f5a483');
define('DIALOG_URL', 'dialog.php?');
// Per-user settings (WebAccess keeps them in the user's store).
define('HOST_STATE_DIR', getenv('C2D_HOST_STATE') ?: sys_get_temp_dir() . '/click2dial-host');
// The plugin's confirm-before-call option, for the browser test of it (plugin/config.php).
if (getenv('C2D_PLUGIN_CONFIRM') === '1') {
	define('PLUGIN_CLICK2DIAL_CONFIRM', true);
}
define('HOST_LANGUAGES', 'en_US.UTF-8:English;de_DE.UTF-8:Deutsch;nl_NL.UTF-8:Nederlands;es_ES.UTF-8:Español');
