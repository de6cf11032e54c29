--TEST--
Plugin: each extension error reaches the browser as a kind it can explain; details only where they help the user
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/../fixtures/plugin-host.php';
plugin_login('alice', '0000');
$call = '<action type="call"><number>207</number></action>';

// What only the administrator can fix goes to the PHP error log, not to the browser.
$log = tempnam(sys_get_temp_dir(), 'c2d-log');
ini_set('error_log', $log);
set_fault(['mode' => 'status', 'status' => 503]);
echo plugin_reply(plugin_request($call)), "\n";
set_fault(['mode' => 'drop']);
echo plugin_reply(plugin_request($call)), "\n";
clear_fault();
echo preg_replace('/^\[[^\]]*\] /m', 'admin log: ', file_get_contents($log));
ini_restore('error_log');
unlink($log);

// A session password that does not open (another WebAccess key).
$_SESSION['password'] = openssl_encrypt('0000', 'des-ede3-cbc', 'another key', 0, PASSWORD_IV);
echo plugin_reply(plugin_request($call)), "\n";

// A single sign-on login leaves no password in the session.
$_SESSION['password'] = '';
echo plugin_reply(plugin_request($call)), "\n";

// Directory mode: the plugin passes no password; this directory has no sealed PIN for alice.
$directory = run_php('define("PLUGIN_CLICK2DIAL_CREDENTIALS", "directory"); require ' . var_export(__DIR__ . '/../fixtures/plugin-host.php', true) . ';'
    . ' plugin_login("alice", "0000"); echo plugin_reply(plugin_request(\'<action type="call"><number>207</number></action>\')), "\n";');
echo $directory['out'], $directory['err'];

// Logged out.
$_SESSION = array();
echo plugin_reply(plugin_request($call)), "\n";

// The extension's own limits (click2dial.rate_limit, duplicate_window_ms), mapped as well.
$limited = run_php('define("PLUGIN_CLICK2DIAL_CREDENTIALS", "session"); require ' . var_export(__DIR__ . '/../fixtures/plugin-host.php', true) . ';'
    . ' plugin_login("alice", "0000"); $call = \'<action type="call"><number>204</number></action>\';'
    . ' plugin_request($call); echo plugin_reply(plugin_request($call)), "\n";',
    ['click2dial.rate_limit' => '6', 'click2dial.duplicate_window_ms' => '5000']);
echo preg_replace('/message=.*/', 'message=…', $limited['out']), $limited['err'];
?>
--EXPECTF--
error: error.kind=rejected, error.message=503
error: error.kind=unreachable, error.message=
admin log: click2dial plugin: Click2Dial\PbxRejectedException: sipXconfig at localhost:%d failed on the call request (HTTP 503 Service Unavailable): try again later; if it persists, check sipXconfig's log
admin log: click2dial plugin: Click2Dial\PbxUnreachableException: cannot reach sipXconfig at localhost:%d: the connection was closed before an answer; check click2dial.server (host and port) and that sipXconfig is running
error: error.kind=credential, error.message=
error: error.kind=credential, error.message=
error: error.kind=credential, error.message=
error: error.kind=not_logged_in, error.message=
error: error.kind=rate_limited, error.message=…
