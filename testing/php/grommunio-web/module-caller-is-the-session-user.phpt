--TEST--
grommunio-web module: the caller is always the session's login; a forged caller in the request is not read
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
echo gw_show(gw_request('call', ['number' => '209'])), "\n";
// Fields a forger might add to name another caller: none of them is read.
echo gw_show(gw_request('call', ['number' => '210', 'user' => 'bob.smith@example.com', 'from' => '207',
	'fromUser' => 'bob.smith@example.com', 'username' => 'bob.smith@example.com', 'password' => '1234'])), "\n";

gw_login('bob.smith@example.com', '1234');
echo gw_show(gw_request('call', ['number' => '+49 (30) 1234-5'])), "\n";

foreach (recorded_calls() as $call) {
	echo $call['user'], ' -> ', $call['dialed'], "\n";
}
?>
--EXPECT--
success number='209', dialed='209', status=200, user='206', user_extension='206', placed_at='(now)', call_id='(32 hex)', ticket='(64 hex)'
success number='210', dialed='210', status=200, user='206', user_extension='206', placed_at='(now)', call_id='(32 hex)', ticket='(64 hex)'
success number='+49 (30) 1234-5', dialed='+493012345', status=200, user='bsmith', user_extension='207', placed_at='(now)', call_id='(32 hex)', ticket='(64 hex)'
206 -> 209
206 -> 210
207 -> +493012345
