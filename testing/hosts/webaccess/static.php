<?php
/*
 * Serves the client's and the plugins' JavaScript and CSS as WebAccess' static.php does:
 * static.php?p[]=<file>&p[]=<file>… with paths relative to the WebAccess root, beginning with
 * "client/" or the plugin folder ("plugins/"), matching the same pattern (folders of letters,
 * digits and "-", so no "..") and of one extension; several js or css files are sent as one.
 * CSS is rewritten line by line: every "url(" (any case) becomes "url(<folder of the css file>/",
 * which makes url(../img/x.svg) point at the right file from static.php's own URL and turns a
 * quoted url("../img/x.svg") into invalid CSS that the browser drops, as in WebAccess.
 * The host keeps its plugins under PATH_PLUGIN_DIR, which stands for the URL folder "plugins/".
 */
require_once __DIR__ . '/config.php';

$types = array('js' => 'text/javascript; charset=utf-8', 'png' => 'image/png', 'jpg' => 'image/jpeg',
	'gif' => 'image/gif', 'css' => 'text/css; charset=utf-8', 'html' => 'text/html; charset=utf-8');

if (!isset($_GET['p'])) {
	exit('Invalid input');
}
$names = is_array($_GET['p']) ? $_GET['p'] : array($_GET['p']);
$extension = false;
$files = array();
foreach ($names as $name) {
	$name = (string) $name;
	if ((strpos($name, 'client/') !== 0 && strpos($name, 'plugins/') !== 0)
		|| !preg_match('/^([0-9A-Za-z\-]+\/)*(([0-9A-Za-z_\-])+\.)+([A-Za-z\-])+$/', $name)) {
		exit('Invalid path');
	}
	$ext = substr(strrchr($name, '.'), 1);
	if (!isset($types[$ext])) {
		exit('Invalid extension "' . htmlspecialchars($ext) . '"');
	}
	if ($extension === false) {
		$extension = $ext;
	} elseif ($ext !== $extension) {
		exit("Can't combine files");
	} elseif ($extension !== 'js' && $extension !== 'css') {
		exit('Can only combine javascript or css files');
	}
	$file = strpos($name, 'plugins/') === 0 ? PATH_PLUGIN_DIR . substr($name, strlen('plugins')) : __DIR__ . '/' . $name;
	if (!is_file($file) || !is_readable($file)) {
		exit('File "' . htmlspecialchars($name) . '" not found');
	}
	$files[$name] = $file;
}

header('Content-Type: ' . $types[$extension]);
foreach ($files as $name => $file) {
	if ($extension !== 'css') {
		readfile($file);
	} else {
		$folder = substr($name, 0, strrpos($name, '/'));
		foreach (file($file) as $line) {
			echo preg_replace('/url\(/i', 'url(' . $folder . '/', $line);
		}
	}
	echo "\n";
}
