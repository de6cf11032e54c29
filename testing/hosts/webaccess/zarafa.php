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
// A body that is not XML is refused, as WebAccess refuses it: its zarafa.php reads php://input
// whatever the Content-Type, hands it to PEAR's XML_Unserializer (server/core/class.request.php),
// and when that fails answers 200 with this error and runs no module. Like WebAccess, the host
// looks at no Content-Type: an XML body sent as text/plain (by a form or a no-cors fetch) is
// parsed and reaches the modules, and it is the plugin's own guard that refuses it.
$modules = HostXml::parseRequest(file_get_contents('php://input'));
if ($modules === false) {
	echo '<?xml version="1.0" encoding="UTF-8"?>', "\n", '<zarafa><error><xml_error>',
		'<message>Could not perform operation. Error in request.</message>',
		'<error_code>0</error_code></xml_error></error></zarafa>', "\n";
	exit;
}
// WebAccess' zarafa.php has logged on by now: $GLOBALS['mapisession'] (the host's stand-in).
require_once __DIR__ . '/server/core/mapi.php';
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
