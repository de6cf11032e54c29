--TEST--
Plugin: a sealed PIN an earlier version left in the user's WebAccess settings (written into every page) is moved into the credential store at the next login or request and deleted there; nothing is lost
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
click2dial.credential_dir={PWD}/.run-plugin-stored-pin-moved/credentials
error_log=/dev/null
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
require __DIR__ . '/../fixtures/plugin-host.php';
$store = __DIR__ . '/.run-plugin-stored-pin-moved';
exec('rm -rf ' . escapeshellarg($store));
mkdir($store, 0700);
clear_calls();
const OLD_SETTING = 'zarafa/v1/plugins/click2dial/pin_token';

/** As an earlier version kept it: the sealed token in the user's settings. */
function leave_old_token(string $user, string $token): void
{
    $settings = new Settings($user);
    $settings->set(OLD_SETTING, $token);
    $settings->saveSettings();
}
function settings_tree(string $user): string
{
    return (string) @file_get_contents(HOST_STATE_DIR . '/settings/' . rawurlencode($user) . '.json');
}

// At login, before WebAccess writes the main page (server.index.login.success, and
// server.index.load.main.before on every main page).
leave_old_token('alice', Click2Dial\encryptCredential('0000', 'alice'));
echo 'before: the settings tree holds a token: ', str_contains(settings_tree('alice'), 'c2d1.') ? 'yes' : 'no', "\n";
plugin_login('alice', 'login-password');
$GLOBALS['PluginManager']->triggerHook('server.index.login.success');
echo 'after login: the settings tree holds a token: ', str_contains(settings_tree('alice'), 'c2d1.') ? 'yes' : 'no', "\n";
echo 'alice has a stored PIN: ', Click2Dial\hasStoredCredential('alice') ? 'yes' : 'no', "\n";
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

leave_old_token('alice', Click2Dial\encryptCredential('0000', 'alice'));
$GLOBALS['settings'] = new Settings('alice');
$GLOBALS['PluginManager']->triggerHook('server.index.load.main.before');
echo 'after a main page: the settings tree holds a token: ', str_contains(settings_tree('alice'), 'c2d1.') ? 'yes' : 'no', "\n";

// On the next request to the module, for a session that was already open.
leave_old_token('Bob.Smith', Click2Dial\encryptCredential('1234', 'Bob.Smith'));
plugin_login('Bob.Smith', 'login-password');
echo plugin_reply(plugin_request('<action type="getsettings"/>')), "\n";
echo 'the settings tree holds a token: ', str_contains(settings_tree('Bob.Smith'), 'c2d1.') ? 'yes' : 'no', "\n";
echo plugin_reply(plugin_request('<action type="call"><number>206</number></action>')), "\n";

// A token that never opened for this user (copied from alice's settings) is of no use: deleted.
leave_old_token('émile', Click2Dial\encryptCredential('0000', 'alice'));
plugin_login('émile', 'login-password');
echo plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";
echo 'the settings tree holds a token: ', str_contains(settings_tree('émile'), 'c2d1.') ? 'yes' : 'no', "\n";

// Saving a PIN while an old token is still there: the new PIN wins.
leave_old_token('alice', Click2Dial\encryptCredential('1111', 'alice'));
plugin_login('alice', 'login-password');
echo plugin_reply(plugin_request('<action type="savepin"><pin>0000</pin></action>')), "\n";
echo plugin_reply(plugin_request('<action type="call"><number>208</number></action>')), "\n";
echo 'the settings tree holds a token: ', str_contains(settings_tree('alice'), 'c2d1.') ? 'yes' : 'no', "\n";

// While the store cannot be used (click2dial.credential_dir not set), the token stays: nothing lost.
$child = run_php(<<<'PHP'
$settings = new Settings('alice');
$settings->set('zarafa/v1/plugins/click2dial/pin_token', Click2Dial\encryptCredential('0000', 'alice'));
$settings->saveSettings();
plugin_login('alice', 'login-password');
echo plugin_reply(plugin_request('<action type="getsettings"/>')), "\n";
echo 'the token is kept: ', str_starts_with((string) (new Settings('alice'))->get('zarafa/v1/plugins/click2dial/pin_token'), 'c2d1.') ? 'yes' : 'no', "\n";
PHP, ['click2dial.credential_dir' => '', 'log_errors' => '1', 'error_log' => '/dev/stderr'], [__DIR__ . '/../fixtures/plugin-host.php']);
echo $child['out'];
echo 'the log says what to set: ', str_contains($child['err'], 'click2dial.credential_dir is not set') ? 'yes' : 'no', "\n";

foreach (recorded_calls() as $call) {
    echo $call['user'], ' -> ', $call['dialed'], "\n";
}
exec('rm -rf ' . escapeshellarg($store));
?>
--EXPECT--
before: the settings tree holds a token: yes
after login: the settings tree holds a token: no
alice has a stored PIN: yes
called: number=207, dialed=207, status=200, user=206, user_extension=206, placed_at=(now)
after a main page: the settings tree holds a token: no
settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
the settings tree holds a token: no
called: number=206, dialed=206, status=200, user=bsmith, user_extension=207, placed_at=(now)
error: error.kind=no_pin, error.message=
the settings tree holds a token: no
settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
called: number=208, dialed=208, status=200, user=206, user_extension=206, placed_at=(now)
the settings tree holds a token: no
settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=0, progress=1
the token is kept: yes
the log says what to set: yes
206 -> 207
207 -> 206
206 -> 208
