<?php
/*
 * The XML request dispatcher, as WebAccess' zarafa.php: POST text/xml
 * <zarafa><module name id><action type>…</action></module></zarafa>; each module is made from
 * its class (a plugin's module file is included on demand), executed, and the replies are sent
 * back as one XML document. The session is closed before modules run, as in WebAccess.
 */
require_once __DIR__ . '/server/core/host.php';
host_start_session();
session_write_close();

header('Content-Type: text/xml; charset=UTF-8');
if (host_user() === null) {
	http_response_code(403);
	echo HostXml::buildResponse(array(array('attributes' => array('name' => 'error', 'id' => '0'),
		'action' => array(array('attributes' => array('type' => 'error'), 'error' => array('kind' => 'not_logged_in', 'message' => '')))))), "\n";
	exit;
}
$modules = HostXml::parseRequest(file_get_contents('php://input'));
if ($modules === false) {
	http_response_code(400);
	exit;
}
host_load_plugins();
foreach ($modules as $request) {
	$name = $request['name'];
	if (!preg_match('/^[a-z0-9_]+$/', $name)) {
		continue;
	}
	if (!class_exists($name, false) && !$GLOBALS['PluginManager']->loadModule($name)) {
		continue;
	}
	if (!is_subclass_of($name, 'Module')) {
		continue;
	}
	$module = new $name($request['id'], $request['actions']);
	$module->execute();
}
echo HostXml::buildResponse($GLOBALS['bus']->getData()), "\n";
