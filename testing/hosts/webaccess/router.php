<?php
/*
 * Router for PHP's built-in server: plugin files are served from PATH_PLUGIN_DIR (static
 * files only, and only inside the plugin's folder); everything else as usual. Nothing it serves
 * may be framed (see host_deny_framing()).
 */
require_once __DIR__ . '/config.php';
header('X-Frame-Options: DENY');
header("Content-Security-Policy: frame-ancestors 'none'");
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (preg_match('#^/plugins/([A-Za-z0-9_-]+)/(.+)$#', $path, $match)) {
	$types = array('js' => 'text/javascript', 'css' => 'text/css', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'gif' => 'image/gif');
	$base = realpath(PATH_PLUGIN_DIR . '/' . $match[1]);
	$file = realpath(PATH_PLUGIN_DIR . '/' . $match[1] . '/' . $match[2]);
	$extension = strtolower(pathinfo($match[2], PATHINFO_EXTENSION));
	if ($base === false || $file === false || strpos($file, $base . '/') !== 0 || !isset($types[$extension]) || !is_file($file)) {
		http_response_code(404);
		return true;
	}
	header('Content-Type: ' . $types[$extension] . '; charset=UTF-8');
	readfile($file);
	return true;
}
return false;
