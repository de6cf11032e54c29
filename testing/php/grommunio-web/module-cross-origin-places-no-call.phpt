--TEST--
grommunio-web module: a request another origin could send (text/plain JSON, cross-site fetch, foreign Origin, no type) places no call and reads no credential
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/module-host.php';
clear_calls();
gw_login('alice@example.com', '0000');

$attacks = [
	// A form or fetch(no-cors) from another site: the same JSON, sent as text/plain, which needs
	// no preflight. grommunio.php decodes the body whatever its type.
	'text/plain from another site' => ['CONTENT_TYPE' => 'text/plain;charset=UTF-8', 'HTTP_ORIGIN' => 'https://evil.example', 'HTTP_SEC_FETCH_SITE' => 'cross-site'],
	'text/plain, no fetch metadata' => ['CONTENT_TYPE' => 'text/plain', 'HTTP_ORIGIN' => null, 'HTTP_SEC_FETCH_SITE' => null],
	'form encoded' => ['CONTENT_TYPE' => 'application/x-www-form-urlencoded', 'HTTP_ORIGIN' => 'https://evil.example'],
	'no Content-Type (typeless Blob)' => ['CONTENT_TYPE' => null, 'HTTP_ORIGIN' => null, 'HTTP_SEC_FETCH_SITE' => null],
	'JSON from a sibling subdomain' => ['HTTP_ORIGIN' => 'https://evil.mail.example.com', 'HTTP_SEC_FETCH_SITE' => 'same-site'],
	'JSON, Sec-Fetch-Site cross-site' => ['HTTP_ORIGIN' => null, 'HTTP_SEC_FETCH_SITE' => 'cross-site'],
	'JSON, foreign Origin' => ['HTTP_ORIGIN' => 'https://evil.example', 'HTTP_SEC_FETCH_SITE' => null],
	'JSON, Origin null' => ['HTTP_ORIGIN' => 'null', 'HTTP_SEC_FETCH_SITE' => null],
	'JSON, http instead of https' => ['HTTP_ORIGIN' => 'http://mail.example.com'],
];
foreach ($attacks as $name => $headers) {
	echo $name, ': ', gw_show(gw_request('call', ['number' => '209'], $headers)), "\n";
	echo '  settings: ', gw_show(gw_request('settings', [], $headers)), "\n";
}
echo 'calls placed by attacks: ', count(recorded_calls()), "\n";
$log = gw_log();
echo 'log lines: ', count($log), ', saying refused: ', count(preg_grep('/refused a request .* for user alice@example.com; nothing was done/', $log)), "\n";
echo 'password in the log: ', str_contains(implode("\n", $log), '0000') ? 'yes' : 'no', "\n";

// The real client's own request, also without fetch metadata (an older browser): taken.
echo 'own page: ', gw_show(gw_request('call', ['number' => '209'])), "\n";
echo 'own page, older browser: ', gw_show(gw_request('call', ['number' => '210'], ['HTTP_SEC_FETCH_SITE' => null, 'HTTP_ORIGIN' => null])), "\n";
// Behind Debian's nginx, HTTP_HOST has no port (it passes $host): SERVER_PORT tells it.
echo 'own page behind nginx on a port: ', gw_show(gw_request('call', ['number' => '211'], ['HTTPS' => null, 'HTTP_HOST' => '127.0.0.1', 'SERVER_PORT' => '26510', 'HTTP_ORIGIN' => 'http://127.0.0.1:26510'])), "\n";
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECTF--
text/plain from another site: error cross_origin type=2
  settings: error cross_origin type=2
text/plain, no fetch metadata: error cross_origin type=2
  settings: error cross_origin type=2
form encoded: error cross_origin type=2
  settings: error cross_origin type=2
no Content-Type (typeless Blob): error cross_origin type=2
  settings: error cross_origin type=2
JSON from a sibling subdomain: error cross_origin type=2
  settings: error cross_origin type=2
JSON, Sec-Fetch-Site cross-site: error cross_origin type=2
  settings: error cross_origin type=2
JSON, foreign Origin: error cross_origin type=2
  settings: error cross_origin type=2
JSON, Origin null: error cross_origin type=2
  settings: error cross_origin type=2
JSON, http instead of https: error cross_origin type=2
  settings: error cross_origin type=2
calls placed by attacks: 0
log lines: 18, saying refused: 18
password in the log: no
own page: success number='209', %s
own page, older browser: success number='210', %s
own page behind nginx on a port: success number='211', %s
calls: 3
