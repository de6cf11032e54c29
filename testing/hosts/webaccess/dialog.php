<?php
/*
 * Dialog windows, as WebAccess' client/dialog.php and client/layout/dialogs/window.php:
 * plugin=<name>&task=<dialog> is a plugin dialog from its manifest; task=<task>_<type> (e.g.
 * contact_standard) is split at its last "_" into $task ("contact") and $type ("standard") and
 * loads client/layout/dialogs/<type>/<task>.php. A dialog file gives getDialogTitle(),
 * getBody() and optionally getIncludes(), getJavaScript_onload() and getMenuButtons(); then
 * server.dialog.general.setup.getmenubuttons runs with the split task ("contact") and the
 * plugin name, and the buttons are written into the page as window.php writes them.
 */
require_once __DIR__ . '/server/core/host.php';
require_once __DIR__ . '/contacts.php';
host_start_session();
session_write_close();
if (host_user() === null) {
	header('Location: index.php');
	exit;
}
host_load_plugins();
$task = isset($_GET['task']) ? (string) $_GET['task'] : false;
$plugin = isset($_GET['plugin']) && $_GET['plugin'] !== '' ? (string) $_GET['plugin'] : false;

$file = false;
if ($plugin !== false) {
	$file = $GLOBALS['PluginManager']->getDialogFile($plugin, (string) $task);
} elseif ($task !== false && !preg_match('/[^a-z0-9\-\_]/i', $task) && strpos($task, '_') > 0) {
	$type = substr($task, strrpos($task, '_') + 1);
	$task = substr($task, 0, strrpos($task, '_'));
	$file = __DIR__ . '/client/layout/dialogs/' . $type . '/' . $task . '.php';
	if (!is_file($file)) {
		$file = false;
	}
}
if ($file === false) {
	http_response_code(404);
	exit('no such dialog');
}
require $file;

$buttons = function_exists('getMenuButtons') ? getMenuButtons() : array();
$GLOBALS['PluginManager']->triggerHook('server.dialog.general.setup.getmenubuttons',
	array('task' => $task, 'plugin' => $plugin, 'buttons' => &$buttons));
?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?= h(getDialogTitle()) ?></title>
<link rel="stylesheet" href="client/layout/host.css">
<?= host_client_includes('dialog', function_exists('getIncludes') ? getIncludes() : array()) ?>
</head>
<body class="dialog">
<h2 id="dialogtitle"><?= h(getDialogTitle()) ?></h2>
<div id="menubar"></div>
<?= getBody() ?>
<script>
var menuItems = [];
<?php
// Pasted in as WebAccess' window.php does, without any escaping: a button's name and title go
// between double quotes, and menu.js puts the name into the page as HTML. A plugin must pass
// plain text; the host must not hide a plugin that does not.
foreach ($buttons as $button) {
	if (!isset($button['id'])) {
		continue;
	}
	if (strstr($button['id'], 'seperator')) {
		echo 'menuItems.push(webclient.menu.createMenuItem("' . $button['id'] . '", ""));' . "\n";
	} elseif (isset($button['title'], $button['name'], $button['callback'])) {
		$shortcut = isset($button['shortcut']) ? '"' . $button['shortcut'] . '"' : 'false';
		echo 'menuItems.push(webclient.menu.createMenuItem("' . $button['id'] . '", "' . $button['name'] . '", "'
			. $button['title'] . '", ' . $button['callback'] . ', ' . $shortcut . '));' . "\n";
	}
}
?>
webclient.menu.buildMenu(null, menuItems);
<?= function_exists('getJavaScript_onload') ? getJavaScript_onload() : '' ?>
</script>
</body></html>
