--TEST--
Plugin: a forged request cannot call as another user; the caller is always the session's user
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
require __DIR__ . '/fixtures/plugin-host.php';
clear_calls();

// Bob stores his PIN; then Alice copies Bob's sealed token into her own settings.
plugin_login('Bob.Smith', 'login-password');
echo plugin_reply(plugin_request('<action type="savepin"><pin>1234</pin></action>')), "\n";
$bobsToken = (new Settings('Bob.Smith'))->get('zarafa/v1/plugins/click2dial/pin_token');

plugin_login('alice', 'login-password');
echo plugin_reply(plugin_request('<action type="savepin"><pin>0000</pin></action>')), "\n";
// Fields a forger might add: none of them is read.
echo plugin_reply(plugin_request('<action type="call"><number>209</number><user>Bob.Smith</user>'
    . '<from>bsmith</from><fromUser>207</fromUser><username>Bob.Smith</username></action>')), "\n";

$settings = new Settings('alice');
$settings->set('zarafa/v1/plugins/click2dial/pin_token', $bobsToken);
$settings->saveSettings();
echo plugin_reply(plugin_request('<action type="call"><number>209</number></action>')), "\n";

foreach (recorded_calls() as $call) {
    echo $call['user'], ' -> ', $call['dialed'], "\n";
}
?>
--EXPECT--
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
called: number=209, dialed=209, status=200, user=206, user_extension=206, placed_at=(now)
error: error.kind=credential, error.message=
206 -> 209
