--TEST--
Configuration mistakes are a ConfigurationException that names the setting
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$call = 'show_exception(fn() => Click2Dial\makeCall("207", "alice", "0000"));';
foreach ([
    ['click2dial.server' => ''],
    ['click2dial.server' => emulator_url('localhost', 'http')],
    ['click2dial.server' => 'https://localhost/sipxconfig'],
    ['click2dial.server' => 'sipx.example.com'],
    ['click2dial.connect_timeout_ms' => 'soon'],
    ['click2dial.timeout_ms' => '0'],
    ['click2dial.directory' => '/nonexistent/users.csv'],
] as $ini) {
    $child = run_php($call, $ini);
    echo $child['out'], $child['err'];
}
// Plain http only with the explicit switch (here the emulator's http listener).
$child = run_php('echo Click2Dial\makeCall("207", "alice", "0000")["status"], "\n";',
                 ['click2dial.server' => emulator_url('localhost', 'http'), 'click2dial.allow_http' => '1']);
echo $child['out'], $child['err'];
// Paths and switches are system settings: a script cannot redirect calls elsewhere.
var_dump(ini_set('click2dial.server', 'https://evil.example'), ini_set('click2dial.ca_file', '/tmp/x.pem'),
         ini_set('click2dial.allow_http', '1'), ini_set('click2dial.directory', '/tmp/d.csv'));
var_dump(ini_set('click2dial.timeout_ms', '3000') !== false);
// ini_restore() undoes a change.
ini_restore('click2dial.timeout_ms');
var_dump(ini_get('click2dial.timeout_ms'));
?>
--EXPECTF--
Click2Dial\ConfigurationException (0): click2dial.server is not set: set it in php.ini to sipXconfig's address, e.g. https://sipx.example.com:8443
Click2Dial\ConfigurationException (0): click2dial.server "http://localhost:%d" uses plain http, which would send PBX passwords unencrypted: use https (sipXconfig listens on 8443 or 443), or set click2dial.allow_http=1 for a test PBX
Click2Dial\ConfigurationException (0): click2dial.server "https://localhost/sipxconfig" has a path, query or fragment: give only scheme, host and port, e.g. https://sipx.example.com:8443 (click2dial adds /sipxconfig/rest/... itself)
Click2Dial\ConfigurationException (0): click2dial.server "sipx.example.com" is not a URL (relative URL without a base): give scheme, host and port, e.g. https://sipx.example.com:8443
Click2Dial\ConfigurationException (0): click2dial.connect_timeout_ms is "soon": give a whole number of milliseconds from 1 to 600000
Click2Dial\ConfigurationException (0): click2dial.timeout_ms is "0": give a whole number of milliseconds from 1 to 600000
Click2Dial\ConfigurationException (0): click2dial.directory /nonexistent/users.csv does not exist
200
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
string(4) "5000"
