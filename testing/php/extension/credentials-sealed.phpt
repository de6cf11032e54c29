--TEST--
encryptCredential seals a PIN for one user; tokens survive key rotation and refuse any change
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$token = Click2Dial\encryptCredential('4711 ä', 'alice');
var_dump((bool) preg_match('/^c2d1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/', $token), str_contains($token, '4711'));
var_dump(Click2Dial\decryptCredential($token, 'alice'), Click2Dial\decryptCredential($token, 'ALICE'));
var_dump(Click2Dial\encryptCredential('4711 ä', 'alice') !== $token);

// Copied into another user's settings, it does not open.
show_exception(fn() => Click2Dial\decryptCredential($token, 'bob'));

// A one-byte change anywhere, and any truncation, is refused and shows nothing of the PIN.
$refused = 0;
for ($i = 0; $i < strlen($token); $i++) {
    foreach (['A', '-', '.', '0'] as $replacement) {
        if ($token[$i] === $replacement) { $refused++; continue; }
        try {
            Click2Dial\decryptCredential(substr_replace($token, $replacement, $i, 1), 'alice');
        } catch (Click2Dial\CredentialException $e) {
            $refused += str_contains($e->getMessage(), '4711') ? 0 : 1;
        }
    }
}
var_dump($refused === 4 * strlen($token));
$cut = 0;
for ($n = 0; $n < strlen($token); $n++) {
    try { Click2Dial\decryptCredential(substr($token, 0, $n), 'alice'); } catch (Click2Dial\CredentialException $e) { $cut++; }
}
var_dump($cut === strlen($token));
show_exception(fn() => Click2Dial\decryptCredential('0000', 'alice'));
show_exception(fn() => Click2Dial\encryptCredential('', 'alice'));

// Rotation: a token sealed with the old key opens once a new key is put first; new tokens use it.
$dir = sys_get_temp_dir() . '/c2d-keys-' . getmypid();
@mkdir($dir, 0700);
$old = Click2Dial\generateKey();
$new = Click2Dial\generateKey();
var_dump((bool) preg_match('/^[0-9a-f]{8}:[A-Za-z0-9_-]{43}$/', $old));
$write = function (string $name, string $text, int $mode) use ($dir) {
    file_put_contents("$dir/$name", $text);
    chmod("$dir/$name", $mode);
    return "$dir/$name";
};
$old_only = $write('old', "$old\n", 0600);
$rotated = $write('rotated', "# newest first\n$new\n$old\n", 0640);
$sealed_old = run_php('echo Click2Dial\encryptCredential("0815", "alice");', ['click2dial.key_file' => $old_only])['out'];
$after = run_php('echo Click2Dial\decryptCredential(' . var_export($sealed_old, true) . ', "alice"), " ",
                  substr(Click2Dial\encryptCredential("0815", "alice"), 0, 13);', ['click2dial.key_file' => $rotated]);
echo $after['out'] === '0815 c2d1.' . substr($new, 0, 8) ? "old token opens, new ones use the new key\n" : $after['out'] . $after['err'];

// Without the old key the token names the key it needs.
$new_only = $write('new', "$new\n", 0600);
$child = run_php('show_exception(fn() => Click2Dial\decryptCredential(' . var_export($sealed_old, true) . ', "alice"));', ['click2dial.key_file' => $new_only]);
echo str_replace(substr($old, 0, 8), 'OLDKEY', $child['out']);

// A key file every user can read is refused; no key file at all says how to make one.
$open = $write('open', "$new\n", 0644);
$child = run_php('show_exception(fn() => Click2Dial\encryptCredential("0815", "alice"));', ['click2dial.key_file' => $open]);
echo str_replace($dir, 'DIR', $child['out']);
$child = run_php('show_exception(fn() => Click2Dial\encryptCredential("0815", "alice"));', ['click2dial.key_file' => '']);
echo $child['out'];

// php --ri shows the key ids, never the keys.
$ri = shell_exec(escapeshellarg(getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY) . ' ' . getenv('TEST_PHP_EXTRA_ARGS')
    . ' -d click2dial.key_file=' . escapeshellarg($rotated) . ' --ri click2dial');
var_dump(str_contains($ri, substr($new, 0, 8) . ', ' . substr($old, 0, 8)), str_contains($ri, substr($new, 9)), str_contains($ri, substr($old, 9)));
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
bool(true)
bool(false)
string(7) "4711 ä"
string(7) "4711 ä"
bool(true)
Click2Dial\CredentialException (0): the stored PBX PIN cannot be used: it does not open for the login "bob": it was sealed for another user, or it was altered; let the user enter the PIN again
bool(true)
bool(true)
Click2Dial\CredentialException (0): the stored PBX PIN cannot be used: it is not a click2dial token (c2d1.<key>.<data>): seal the PIN with encryptCredential()
Click2Dial\CredentialException (0): a PBX PIN must be 1 to 1024 bytes long
bool(true)
old token opens, new ones use the new key
Click2Dial\CredentialException (0): the stored PBX PIN cannot be used: it was sealed with the key "OLDKEY", which is not in click2dial.key_file: restore that key, or let the user enter the PIN again
Click2Dial\ConfigurationException (0): click2dial.key_file DIR/open can be read or changed by every user of this machine (mode 0644): make it readable only by its owner and the web server's group, e.g. chown root:www-data and chmod 0640
Click2Dial\ConfigurationException (0): click2dial.key_file is not set: create a key file with php -r 'echo Click2Dial\generateKey(), PHP_EOL;' > /etc/click2dial/keys, make it readable only by root and the web server's group (chmod 0640), and name it in php.ini
bool(true)
bool(false)
bool(false)
