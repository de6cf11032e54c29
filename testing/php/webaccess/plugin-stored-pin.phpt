--TEST--
Plugin: in stored mode the PIN goes to the extension's credential store; neither it nor a token of it is ever in the settings tree WebAccess writes into every page, nor in a reply
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
click2dial.credential_dir={PWD}/.run-plugin-stored-pin/credentials
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
require __DIR__ . '/../fixtures/plugin-host.php';
$store = __DIR__ . '/.run-plugin-stored-pin';
exec('rm -rf ' . escapeshellarg($store));
mkdir($store, 0700);
clear_calls();
plugin_login('alice', 'login-password');

/** Everything of alice's WebAccess settings: what WebAccess would write into her pages. */
function settings_tree(): string
{
    $file = HOST_STATE_DIR . '/settings/alice.json';
    return (new Settings('alice'))->getJavaScript() . (is_file($file) ? file_get_contents($file) : '');
}
function holds_pin_or_token(string $text, string $pin): string
{
    return str_contains($text, $pin) || str_contains($text, 'c2d1.') ? 'yes' : 'no';
}

echo plugin_reply(plugin_request('<action type="getsettings"/>')), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";
echo plugin_reply(plugin_request('<action type="savepin"><pin></pin></action>')), "\n";

$reply = plugin_request('<action type="savepin"><pin>9999</pin></action>');
echo plugin_reply($reply), "\n";
$files = glob("$store/credentials/*.pin");
echo 'kept in the store, sealed: ', count($files) === 1 && str_starts_with(file_get_contents($files[0]), 'c2d1.') && !str_contains(file_get_contents($files[0]), '9999') ? 'yes' : 'no', "\n";
echo 'the settings tree holds the PIN or a token: ', holds_pin_or_token(settings_tree(), '9999'), "\n";
echo 'the reply holds the PIN or a token: ', holds_pin_or_token($reply, '9999'), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

plugin_request('<action type="savepin"><pin>0000</pin></action>');
$reply = plugin_request('<action type="getsettings"/>');
echo plugin_reply($reply), "\n";
echo 'getsettings holds the PIN or a token: ', holds_pin_or_token($reply, '0000'), "\n";
$reply = plugin_request('<action type="call"><number>207</number></action>');
echo plugin_reply($reply), "\n";
echo 'the call reply holds the PIN or a token: ', holds_pin_or_token($reply, '0000'), "\n";
echo 'the settings tree holds the PIN or a token: ', holds_pin_or_token(settings_tree(), '0000'), "\n";

// Another user of the same WebAccess has no PIN of alice's.
plugin_login('Bob.Smith', 'login-password');
echo plugin_reply(plugin_request('<action type="getsettings"/>')), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>206</number></action>')), "\n";

plugin_login('alice', 'login-password');
echo plugin_reply(plugin_request('<action type="clearpin"/>')), "\n";
echo 'files left in the store: ', count(glob("$store/credentials/*")), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

foreach (recorded_calls() as $call) {
    echo $call['user'], ' -> ', $call['dialed'], "\n";
}
exec('rm -rf ' . escapeshellarg($store));
?>
--EXPECT--
settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=0, progress=1
error: error.kind=no_pin, error.message=
error: error.kind=empty_pin, error.message=
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
kept in the store, sealed: yes
the settings tree holds the PIN or a token: no
the reply holds the PIN or a token: no
error: error.kind=wrong_pin, error.message=
settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
getsettings holds the PIN or a token: no
called: number=207, dialed=207, status=200, user=206, user_extension=206, placed_at=(now)
the call reply holds the PIN or a token: no
the settings tree holds the PIN or a token: no
settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=0, progress=1
error: error.kind=no_pin, error.message=
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=0, progress=1
files left in the store: 0
error: error.kind=no_pin, error.message=
206 -> 207
