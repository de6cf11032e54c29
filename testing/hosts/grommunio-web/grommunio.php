<?php
/*
 * grommunio.php of the test host, in the real one's order: authenticate, close the session
 * (modules only read it), load the plugins, create the settings, decode the JSON body whatever
 * its Content-Type, run the modules, answer {"zarafa": ...}. The tab's subsystem lock is not
 * reproduced (PHP's built-in server runs one request per worker).
 */
require_once __DIR__ . '/config.php';
header('Content-Type: application/json; charset=utf-8');
session_start();
$GLOBALS['mapisession'] = new MAPISession();
if ($GLOBALS['mapisession']->getUserName() === '') {
	http_response_code(401);
	return;
}
session_write_close();
$plugins = gw_plugins();
$GLOBALS['settings'] = gw_settings($plugins, $GLOBALS['mapisession']->getUserName());
echo gw_handle_json((string) file_get_contents('php://input'), $plugins);
