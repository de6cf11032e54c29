--TEST--
grommunio-web module: a number the dial plan refuses becomes not_allowed with the plan's reason for the user, and nothing is dialed
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
click2dial.dialplan={PWD}/../fixtures/dialplan-de.toml
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/module-host.php';
clear_calls();
gw_login('alice@example.com', '0000');
$reply = gw_request('call', ['number' => '0900 1234567']);
echo 'kind: ', $reply['error']['info']['kind'], "\n";
echo 'says why: ', $reply['error']['info']['detail'] !== '' ? 'yes' : 'no', "\n";
echo 'no secret: ', str_contains(json_encode($reply), '0000') ? 'no' : 'yes', "\n";
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
kind: not_allowed
says why: yes
no secret: yes
calls: 0
