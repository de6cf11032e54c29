--TEST--
decryptSessionPassword opens the password as every WebAccess version stores it (vectors made by PHP's openssl_encrypt)
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
// WebAccess' defaults (config.php.dist); WebAccess stores the password in Windows-1252.
const KEY = 'a75356b0d1b81b7';
const IV = 'b3f5a483';
$passwords = ['secret', "p\xe4ssw\xf6rd", "\x80uro \x93quoted\x94", 'exactly8', 'sixteen-chars-pw', 'x'];

foreach ($passwords as $cp1252) {
    $utf8 = iconv('Windows-1252', 'UTF-8', $cp1252);
    $openssl = openssl_encrypt($cp1252, 'des-ede3-cbc', KEY, 0, IV);          // 7.1.11+
    $zero_iv = @openssl_encrypt($cp1252, 'des-ede3-cbc', KEY, 0);             // PHP < 5.3.3: no IV
    $padded = $cp1252 . str_repeat("\0", (8 - strlen($cp1252) % 8) % 8);     // mcrypt's zero padding
    $mcrypt = base64_encode(openssl_encrypt($padded, 'des-ede3-cbc', str_pad(KEY, 24, "\0"),
                                            OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, IV));
    $results = [
        Click2Dial\decryptSessionPassword($openssl, KEY, IV),
        Click2Dial\decryptSessionPassword($openssl, KEY, IV, 'openssl'),
        Click2Dial\decryptSessionPassword($zero_iv, KEY, ''),
        Click2Dial\decryptSessionPassword($mcrypt, KEY, IV, 'mcrypt'),
        Click2Dial\decryptSessionPassword($cp1252, '', ''),                    // 7.1.9 and earlier
    ];
    printf("%s: %s\n", $utf8, count(array_unique($results)) === 1 && $results[0] === $utf8 ? 'all forms open' : json_encode($results));
}
// Detection also finds mcrypt's form where padding shows.
echo Click2Dial\decryptSessionPassword(base64_encode(openssl_encrypt("secret\0\0", 'des-ede3-cbc', str_pad(KEY, 24, "\0"), OPENSSL_RAW_DATA | OPENSSL_ZERO_PADDING, IV)), KEY, IV), "\n";

// Mistakes say what to pass; none shows the password.
$stored = openssl_encrypt("p\xe4ssw\xf6rd", 'des-ede3-cbc', KEY, 0, IV);
$e = show_exception(fn() => Click2Dial\decryptSessionPassword($stored, 'another key', IV));
show_exception(fn() => Click2Dial\decryptSessionPassword('', KEY, IV));
show_exception(fn() => Click2Dial\decryptSessionPassword($stored, KEY, IV, 'rot13'));
var_dump(str_contains($e->getTraceAsString(), KEY), str_contains($e->getTraceAsString(), $stored));
?>
--EXPECT--
secret: all forms open
pässwörd: all forms open
€uro “quoted”: all forms open
exactly8: all forms open
sixteen-chars-pw: all forms open
x: all forms open
secret
Click2Dial\CredentialException (0): the session password cannot be opened with the key and IV given: pass WebAccess' PASSWORD_KEY and PASSWORD_IV from its config.php; if WebAccess stored it with mcrypt (PHP without OpenSSL), pass 'mcrypt' as the method
Click2Dial\CredentialException (0): the session holds no password (single sign-on logins leave it empty): use click2dial.credentials = stored, so that users enter their PBX PIN once
Click2Dial\CredentialException (0): the method "rot13" is unknown: use openssl, mcrypt, plain or null
bool(false)
bool(false)
