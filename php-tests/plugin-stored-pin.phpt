--TEST--
Plugin: in stored mode the PIN is sealed into the user's settings and never sent back
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
plugin_login('alice', 'login-password');

echo plugin_reply(plugin_request('<action type="getsettings"/>')), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";
echo plugin_reply(plugin_request('<action type="savepin"><pin></pin></action>')), "\n";

$reply = plugin_request('<action type="savepin"><pin>9999</pin></action>');
echo plugin_reply($reply), "\n";
$token = (new Settings('alice'))->get('zarafa/v1/plugins/click2dial/pin_token');
echo 'sealed: ', str_starts_with($token, 'c2d1.') ? 'yes' : 'no', "\n";
echo 'the reply holds the PIN or token: ', str_contains($reply, '9999') || str_contains($reply, $token) ? 'yes' : 'no', "\n";
echo 'the settings file holds the PIN: ', str_contains(file_get_contents(HOST_STATE_DIR . '/settings/alice.json'), '9999') ? 'yes' : 'no', "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

plugin_request('<action type="savepin"><pin>0000</pin></action>');
$reply = plugin_request('<action type="getsettings"/>');
echo plugin_reply($reply), "\n";
echo 'getsettings holds the PIN or token: ', str_contains($reply, '0000') || str_contains($reply, 'c2d1.') ? 'yes' : 'no', "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

echo plugin_reply(plugin_request('<action type="clearpin"/>')), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

foreach (recorded_calls() as $call) {
    echo $call['user'], ' -> ', $call['dialed'], "\n";
}
?>
--EXPECT--
settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=0, progress=1
error: error.kind=no_pin, error.message=
error: error.kind=empty_pin, error.message=
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
sealed: yes
the reply holds the PIN or token: no
the settings file holds the PIN: no
error: error.kind=wrong_pin, error.message=
settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
getsettings holds the PIN or token: no
called: number=207, dialed=207, status=200, user=206, user_extension=206, placed_at=(now)
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=0, progress=1
error: error.kind=no_pin, error.message=
206 -> 207
