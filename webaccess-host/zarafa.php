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
	// As WebAccess' zarafa.php without a user in the session (MAPI_E_UNCONFIGURED): it answers
	// itself, with status 200, and no module runs.
	echo "<zarafa>\n\t<error logon=\"false\" mapi=\"MAPI_E_UNCONFIGURED\">Logon failed</error>\n</zarafa>";
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
