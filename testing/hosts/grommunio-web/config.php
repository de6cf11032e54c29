<?php
/*
 * The grommunio-web test host's places, from the environment that ./start sets:
 *   C2D_GROMMUNIO_WEB  an installed grommunio-web (the folder holding client/ and server/);
 *                      its client runs from its own source files, as in LOAD_SOURCE mode.
 *                      Empty: the host's stand-in client (standin-client/);
 *   C2D_PLUGIN_DIR     the plugins folder (click2dial -> the repository's grommunio-web/);
 *   C2D_HOST_STATE     sessions, per-user settings, the client's file order.
 */
require_once __DIR__ . '/server/standins.php';

define('GW_CLIENT_TREE', rtrim((string) getenv('C2D_GROMMUNIO_WEB'), '/'));
define('GW_PLUGIN_DIR', (string) getenv('C2D_PLUGIN_DIR'));
define('GW_STATE', (string) getenv('C2D_HOST_STATE'));

/** The plugins as grommunio-web loads them for a request. */
function gw_plugins(): GwPluginManager
{
	$plugins = new GwPluginManager(GW_PLUGIN_DIR);
	$plugins->loadPlugin('click2dial');
	return $plugins;
}

/** The logged-in user's settings, with the site's defaults of the plugins. */
function gw_settings(GwPluginManager $plugins, string $user): Settings
{
	$settings = new Settings(GW_STATE . '/settings-' . md5($user) . '.json');
	$settings->init($plugins);
	return $settings;
}
