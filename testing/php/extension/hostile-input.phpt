--TEST--
Hostile values from PHP (huge strings, NUL, invalid UTF-8, arrays and objects, path tricks, CRLF) are refused cleanly and reach no PBX
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$before = pbx_requests();
$huge = str_repeat('9', 1 << 20);
$values = [
    'a 1 MB number' => $huge,
    'NUL inside' => "207\0",
    'invalid UTF-8' => "20\xc3\x287",
    'a path' => '../../etc/passwd',
    'an escaped slash' => '207%2F..%2Fadmin',
    'CRLF' => "207\r\nX-Injected: yes",
    'only separators' => ' ()-./ ',
];
$functions = [
    'makeCall(number)' => fn($v) => Click2Dial\makeCall($v, 'alice', '0000'),
    'makeCall(login)' => fn($v) => Click2Dial\makeCall('207', $v, '0000'),
    'makeCall(password)' => fn($v) => Click2Dial\makeCall('207', 'alice', $v),
    'getUsernr' => fn($v) => Click2Dial\getUsernr($v),
    'normalizeNumber' => fn($v) => Click2Dial\normalizeNumber($v),
    'decryptSessionPassword' => fn($v) => Click2Dial\decryptSessionPassword($v, 'a75356b0d1b81b7', 'b3f5a483'),
    'encryptCredential(login)' => fn($v) => Click2Dial\encryptCredential('0000', $v),
    'decryptCredential' => fn($v) => Click2Dial\decryptCredential($v, 'alice'),
];
foreach ($functions as $name => $call) {
    $outcomes = [];
    foreach ($values as $what => $value) {
        try {
            $result = $call($value);
            $outcomes[] = "$what: returned " . (is_string($result) ? 'a string' : gettype($result));
        } catch (Click2Dial\Exception $e) {
            $outcomes[] = "$what: " . substr(strrchr(get_class($e), '\\'), 1)
                . (strlen($e->getMessage()) < 400 ? '' : ' (message too long!)');
        }
    }
    echo $name, "\n  ", implode("\n  ", $outcomes), "\n";
}
// Arrays and objects where a string is expected are a TypeError, as for PHP's own functions.
foreach ([[207], new stdClass(), 1.5, true] as $value) {
    try {
        Click2Dial\makeCall($value, 'alice', '0000');
        echo "accepted\n";
    } catch (TypeError $e) {
        echo 'TypeError for ', get_debug_type($value), "\n";
    }
}
echo pbx_requests() - $before, " requests reached the PBX\n";
?>
--EXPECT--
makeCall(number)
  a 1 MB number: InvalidNumberException
  NUL inside: InvalidNumberException
  invalid UTF-8: InvalidNumberException
  a path: InvalidNumberException
  an escaped slash: InvalidNumberException
  CRLF: InvalidNumberException
  only separators: InvalidNumberException
makeCall(login)
  a 1 MB number: UnknownUserException
  NUL inside: UnknownUserException
  invalid UTF-8: UnknownUserException
  a path: UnknownUserException
  an escaped slash: UnknownUserException
  CRLF: UnknownUserException
  only separators: UnknownUserException
makeCall(password)
  a 1 MB number: CredentialException
  NUL inside: AuthenticationException
  invalid UTF-8: CredentialException
  a path: AuthenticationException
  an escaped slash: AuthenticationException
  CRLF: AuthenticationException
  only separators: AuthenticationException
getUsernr
  a 1 MB number: returned NULL
  NUL inside: returned NULL
  invalid UTF-8: UnknownUserException
  a path: returned NULL
  an escaped slash: returned NULL
  CRLF: returned NULL
  only separators: returned NULL
normalizeNumber
  a 1 MB number: InvalidNumberException
  NUL inside: InvalidNumberException
  invalid UTF-8: InvalidNumberException
  a path: InvalidNumberException
  an escaped slash: InvalidNumberException
  CRLF: InvalidNumberException
  only separators: InvalidNumberException
decryptSessionPassword
  a 1 MB number: CredentialException
  NUL inside: returned a string
  invalid UTF-8: returned a string
  a path: returned a string
  an escaped slash: returned a string
  CRLF: returned a string
  only separators: returned a string
encryptCredential(login)
  a 1 MB number: returned a string
  NUL inside: returned a string
  invalid UTF-8: CredentialException
  a path: returned a string
  an escaped slash: returned a string
  CRLF: returned a string
  only separators: returned a string
decryptCredential
  a 1 MB number: CredentialException
  NUL inside: CredentialException
  invalid UTF-8: CredentialException
  a path: CredentialException
  an escaped slash: CredentialException
  CRLF: CredentialException
  only separators: CredentialException
TypeError for array
TypeError for stdClass
TypeError for float
TypeError for bool
5 requests reached the PBX
