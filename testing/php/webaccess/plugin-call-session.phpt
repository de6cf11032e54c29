--TEST--
Plugin: "call" places the call as the logged-in user, with the WebAccess session password (session mode)
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/../fixtures/plugin-host.php';
clear_calls();

plugin_login('alice', '0000');
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

// A login and password outside ASCII: the session keeps both in Windows-1252.
plugin_login('émile', 'pässwörd');
echo plugin_reply(plugin_request('<action type="call"><number>+49 (30) 1234-567</number></action>')), "\n";

plugin_login('alice', 'wrong');
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

plugin_login('nobody', 'x');
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

foreach (recorded_calls() as $call) {
    echo $call['user'], ' -> ', $call['dialed'], "\n";
}
?>
--EXPECT--
called: number=207, dialed=207, status=200, user=206, user_extension=206, placed_at=(now)
called: number=+49 (30) 1234-567, dialed=+49301234567, status=200, user=208, user_extension=208, placed_at=(now)
error: error.kind=wrong_pin, error.message=
error: error.kind=unknown_user, error.message=
206 -> 207
208 -> +49301234567
