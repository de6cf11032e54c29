--TEST--
grommunio-web module: a PBX that cannot be reached becomes unreachable for the user (try again later), and the administrator's log says what failed without any secret
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
click2dial.server=https://127.0.0.1:9
click2dial.connect_timeout_ms=2000
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/module-host.php';
gw_login('alice@example.com', 'the-pin-0000');
echo gw_show(gw_request('call', ['number' => '209'])), "\n";
$log = implode("\n", gw_log());
echo 'logged: ', str_contains($log, 'PbxUnreachableException') ? 'yes' : 'no', "\n";
echo 'secret in log: ', str_contains($log, 'the-pin-0000') ? 'yes' : 'no', "\n";
?>
--EXPECT--
error unreachable type=2
logged: yes
secret in log: no
