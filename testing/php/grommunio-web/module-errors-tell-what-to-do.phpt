--TEST--
grommunio-web module: each failure becomes an error reply with a kind the client turns into advice, and no secret
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/module-host.php';
clear_calls();

gw_login('alice@example.com', 'wrong-password');
$reply = gw_request('call', ['number' => '209']);
echo 'wrong PIN: ', gw_show($reply), "\n";
echo '  secret in reply: ', str_contains(json_encode($reply), 'wrong-password') ? 'yes' : 'no', "\n";

gw_login('alice@example.com', '0000');
echo 'empty number: ', gw_show(gw_request('call', ['number' => '  '])), "\n";
echo 'number not a string: ', gw_show(gw_request('call', ['number' => ['209']])), "\n";
echo 'not a number: ', gw_show(gw_request('call', ['number' => '<script>'])), "\n";
echo 'unknown action: ', gw_show(gw_request('hangup', [])), "\n";

gw_login('alice@example.com', null);
echo 'no password in the session (e.g. a token login): ', gw_show(gw_request('call', ['number' => '209'])), "\n";

gw_login('nobody@example.com', '0000');
echo 'no phone for this account: ', gw_show(gw_request('call', ['number' => '209'])), "\n";

gw_login('', null);
echo 'not logged in: ', gw_show(gw_request('call', ['number' => '209'])), "\n";
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
wrong PIN: error wrong_pin type=2
  secret in reply: no
empty number: error invalid_number type=2
number not a string: error invalid_number type=2
not a number: error invalid_number type=2
unknown action: error unknown_action type=2
no password in the session (e.g. a token login): error no_password type=2
no phone for this account: error unknown_user type=2
not logged in: error not_logged_in type=2
calls: 0
