--TEST--
Plugin: a forged request cannot call as another user; the caller is always the session's user
--EXTENSIONS--
click2dial
--INI--
error_log=/dev/null
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
click2dial.credential_dir={PWD}/.run-plugin-forged-caller/credentials
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
require __DIR__ . '/../fixtures/plugin-host.php';
$store = __DIR__ . '/.run-plugin-forged-caller';
exec('rm -rf ' . escapeshellarg($store));
mkdir($store, 0700);
clear_calls();
$file_of = fn(string $login) => "$store/credentials/" . hash('sha256', strtolower($login)) . '.pin';

// Bob stores his PIN; then Alice copies Bob's sealed PIN into her own place in the store.
plugin_login('Bob.Smith', 'login-password');
echo plugin_reply(plugin_request('<action type="savepin"><pin>1234</pin></action>')), "\n";

plugin_login('alice', 'login-password');
echo plugin_reply(plugin_request('<action type="savepin"><pin>0000</pin></action>')), "\n";
// Fields a forger might add: none of them is read.
echo plugin_reply(plugin_request('<action type="call"><number>209</number><user>Bob.Smith</user>'
    . '<from>bsmith</from><fromUser>207</fromUser><username>Bob.Smith</username></action>')), "\n";

copy($file_of('Bob.Smith'), $file_of('alice'));
echo plugin_reply(plugin_request('<action type="call"><number>209</number></action>')), "\n";

// Or a token of Bob's, as an earlier version kept it, in her WebAccess settings: it does not
// open for her and is dropped; she calls as herself once she has stored her own PIN again.
$settings = new Settings('alice');
$settings->set('zarafa/v1/plugins/click2dial/pin_token', Click2Dial\encryptCredential('1234', 'Bob.Smith'));
$settings->saveSettings();
echo plugin_reply(plugin_request('<action type="savepin"><pin>0000</pin></action>')), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>210</number></action>')), "\n";

foreach (recorded_calls() as $call) {
    echo $call['user'], ' -> ', $call['dialed'], "\n";
}
exec('rm -rf ' . escapeshellarg($store));
?>
--EXPECT--
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
called: number=209, dialed=209, status=200, user=206, user_extension=206, placed_at=(now)
error: error.kind=credential, error.message=
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
called: number=210, dialed=210, status=200, user=206, user_extension=206, placed_at=(now)
206 -> 209
206 -> 210
