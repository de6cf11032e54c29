--TEST--
grommunio-web module, stored mode: the PIN is kept by the extension's credential store, the reply and the settings only say whether one is stored, and calls use it
--EXTENSIONS--
click2dial
--SKIPIF--
<?php
// The extension's credential store (storeCredential, hasStoredCredential, forgetCredential) is
// landing in parallel; until it is in the build this test cannot run.
if (!function_exists('Click2Dial\storeCredential')) die('skip Click2Dial\storeCredential() is not in this build yet');
?>
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
$dir = sys_get_temp_dir() . '/c2d-gw-credentials-' . getmypid();
mkdir($dir, 0700);
ini_set('click2dial.credential_dir', $dir);
require __DIR__ . '/inc/module-host.php';
clear_calls();

gw_login('alice@example.com', 'login-password');
echo 'before: ', gw_show(gw_request('settings', [])), "\n";
echo 'call without PIN: ', gw_show(gw_request('call', ['number' => '209'])), "\n";
$reply = gw_request('settings', ['pin' => '0000']);
echo 'store: ', gw_show($reply), "\n";
echo 'PIN in reply: ', str_contains(json_encode($reply), '0000') ? 'yes' : 'no', "\n";
echo 'PIN in settings: ', str_contains($GLOBALS['settings']->getJSON(), '0000') ? 'yes' : 'no', "\n";
echo 'call: ', gw_show(gw_request('call', ['number' => '209'])), "\n";
echo 'forget: ', gw_show(gw_request('settings', ['forget' => true])), "\n";
echo 'call after forget: ', gw_show(gw_request('call', ['number' => '209'])), "\n";
foreach (recorded_calls() as $call) {
	echo $call['user'], ' -> ', $call['dialed'], "\n";
}
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
before: success credentials='stored', pin_stored=false, changed=false
call without PIN: error no_pin type=2
store: success credentials='stored', pin_stored=true, changed=true
PIN in reply: no
PIN in settings: no
call: success number='209', dialed='209', status=200, user='206', user_extension='206', placed_at='(now)', call_id='(32 hex)', ticket='(64 hex)'
forget: success credentials='stored', pin_stored=false, changed=true
call after forget: error no_pin type=2
206 -> 209
