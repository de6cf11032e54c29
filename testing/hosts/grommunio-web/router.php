<?php
/*
 * Router for PHP's built-in server: client/ from the installed grommunio-web (or standin-client/
 * from here when there is none), plugins/ from C2D_PLUGIN_DIR (static files only, only inside those folders); index.php and grommunio.php
 * from here. Nothing it serves may be framed.
 */
require_once __DIR__ . '/config.php';
header('X-Frame-Options: DENY');
header("Content-Security-Policy: frame-ancestors 'none'");
$path = rawurldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$types = ['js' => 'text/javascript', 'css' => 'text/css', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'gif' => 'image/gif'];
// The stand-in client only when no real one is given, the real one only when it is.
$roots = GW_CLIENT_TREE === '' ? ['#^/standin-client/(.+)$#' => __DIR__ . '/standin-client'] : ['#^/(client/.+)$#' => GW_CLIENT_TREE];
$roots['#^/plugins/(.+)$#'] = GW_PLUGIN_DIR;
foreach ($roots as $pattern => $root) {
	if (!preg_match($pattern, $path, $match)) {
		continue;
	}
	$base = realpath($root);
	$file = realpath($root . '/' . $match[1]);
	$extension = strtolower(pathinfo($match[1], PATHINFO_EXTENSION));
	// A plugin folder may be a symlink (click2dial -> the repository's grommunio-web/).
	$inside = $file !== false && $base !== false && (str_starts_with($file, $base . '/')
		|| ($root === GW_PLUGIN_DIR && str_starts_with($file, realpath(GW_PLUGIN_DIR . '/' . strtok($match[1], '/')) . '/')));
	if (!$inside || !isset($types[$extension]) || !is_file($file)) {
		http_response_code(404);
		return true;
	}
	header('Content-Type: ' . $types[$extension] . '; charset=UTF-8');
	readfile($file);
	return true;
}
if ($path === '/demo.js' && getenv('C2D_DEMO') === '1') {
	header('Content-Type: text/javascript; charset=UTF-8');
	readfile(__DIR__ . '/demo.js');
	return true;
}
if ($path === '/' ) {
	header('Location: /index.php');
	return true;
}
return in_array($path, ['/index.php', '/grommunio.php'], true) ? false : (http_response_code(404) && true);
