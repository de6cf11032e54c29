<?php
/*
 * Dialog windows: task=contact_standard&entryid=… (a contact, with the menu buttons of
 * server.dialog.general.setup.getmenubuttons) and plugin=<name>&task=<dialog> (a plugin dialog
 * from its manifest, made of getDialogTitle(), getIncludes(), getJavaScript_onload(), getBody()).
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
$task = isset($_GET['task']) ? (string) $_GET['task'] : '';
$plugin = isset($_GET['plugin']) ? (string) $_GET['plugin'] : '';

if ($plugin !== '') {
	$file = $GLOBALS['PluginManager']->getDialogFile($plugin, $task);
	if ($file === false) {
		http_response_code(404);
		exit('no such dialog');
	}
	require $file;
	$title = getDialogTitle();
	$includes = '';
	foreach (getIncludes() as $include) {
		$includes .= '<script src="' . h($include) . '"></script>';
	}
	$onload = function_exists('getJavaScript_onload') ? getJavaScript_onload() : '';
	$body = getBody();
} elseif ($task === 'contact_standard') {
	$contacts = host_contacts();
	$entryid = isset($_GET['entryid']) ? (string) $_GET['entryid'] : '';
	$contact = isset($contacts[$entryid]) ? $contacts[$entryid] : array();
	$buttons = array();
	$GLOBALS['PluginManager']->triggerHook('server.dialog.general.setup.getmenubuttons',
		array('task' => $task, 'plugin' => $plugin, 'buttons' => &$buttons));
	$title = isset($contact['display_name']) ? $contact['display_name'] : 'Contact';
	$includes = '';
	$onload = 'webclient.menu.drawDialogButtons(' . json_encode($buttons, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT) . ');';
	$body = '<div id="menubar"></div><table class="contact">';
	$fields = array('display_name' => 'Name', 'company_name' => 'Company', 'business_telephone_number' => 'Business',
		'office_telephone_number' => 'Office', 'cellular_telephone_number' => 'Mobile', 'home_telephone_number' => 'Home');
	foreach ($fields as $field => $label) {
		$value = isset($contact[$field]) ? $contact[$field] : '';
		$body .= '<tr><th>' . h($label) . '</th><td><input id="' . h($field) . '" value="' . h($value) . '"></td></tr>';
	}
	$body .= '</table>';
} else {
	http_response_code(404);
	exit('no such dialog');
}
?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?= h($title) ?></title>
<link rel="stylesheet" href="client/layout/host.css">
<?= host_client_includes('dialog') ?>
<?= $includes ?>
</head>
<body class="dialog">
<h2 id="dialogtitle"><?= h($title) ?></h2>
<?= $body ?>
<script><?= $onload ?></script>
</body></html>
