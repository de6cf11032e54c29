--TEST--
With a known PIN, key and session password, no error path shows any of them: messages, traces, dumps, output, error_log, the PBX's log
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$pin = 'Pin-4711-secret';
$session_password = 'Sess-pw-0815';
$key_line = trim(file_get_contents(dirname(state_file('x'), 2) . '/keys'));
$key = substr($key_line, strpos($key_line, ':') + 1);
$log = sys_get_temp_dir() . '/c2d-secrets-' . getmypid() . '.log';
@unlink($log);
putenv("C2D_PIN=$pin");
putenv("C2D_SESSION_PASSWORD=$session_password");

$code = <<<'PHP'
$pin = getenv('C2D_PIN');
$webaccess_key = 'a75356b0d1b81b7';
$stored = openssl_encrypt(getenv('C2D_SESSION_PASSWORD'), 'des-ede3-cbc', $webaccess_key, 0, 'b3f5a483');
$token = Click2Dial\encryptCredential($pin, 'alice');
$tampered = substr_replace($token, $token[-3] === 'A' ? 'B' : 'A', -3, 1);
$paths = [
    'wrong PIN' => fn() => Click2Dial\makeCall('207', 'alice', $pin),
    'invalid number' => fn() => Click2Dial\makeCall('12#3', 'alice', $pin),
    'unknown user' => fn() => Click2Dial\makeCall('207', 'mallory', $pin),
    'PBX error' => function () use ($pin) { set_fault(['mode' => 'status', 'status' => 503, 'times' => 1]); Click2Dial\makeCall('207', 'alice', $pin); },
    'PBX gone' => function () use ($pin) { set_fault(['mode' => 'drop', 'times' => 1]); Click2Dial\makeCall('207', 'alice', $pin); },
    'bad setting' => function () use ($pin) { ini_set('click2dial.timeout_ms', 'never'); try { Click2Dial\makeCall('207', 'alice', $pin); } finally { ini_restore('click2dial.timeout_ms'); } },
    'calls in progress, wrong PIN' => fn() => Click2Dial\activeCalls('alice', $pin),
    'calls in progress, PBX error' => function () use ($pin) { set_fault(['mode' => 'status', 'status' => 500, 'times' => 1]); Click2Dial\activeCalls('alice', $pin); },
    'session wrong key' => fn() => Click2Dial\decryptSessionPassword($stored, 'not the key', 'b3f5a483'),
    'session bad method' => fn() => Click2Dial\decryptSessionPassword($stored, $webaccess_key, 'b3f5a483', 'rot13'),
    'seal without login' => fn() => Click2Dial\encryptCredential($pin, ''),
    'token for another user' => fn() => Click2Dial\decryptCredential($token, 'bob'),
    'tampered token' => fn() => Click2Dial\decryptCredential($tampered, 'alice'),
];
foreach ($paths as $name => $path) {
    try {
        $path();
        echo "$name: no exception\n";
    } catch (Throwable $e) {
        echo "$name: ", get_class($e), "\n", $e, "\n", print_r($e, true), "\n";
        var_dump($e->getTrace());
        error_log("$name: " . $e);
    }
}
// Sanity: the secrets do work where they should.
echo 'session password opens: ', Click2Dial\decryptSessionPassword($stored, $webaccess_key, 'b3f5a483') === getenv('C2D_SESSION_PASSWORD') ? 'yes' : 'no', "\n";
// And one left uncaught, as PHP prints and logs it.
Click2Dial\makeCall('207', 'alice', $pin);
PHP;
$child = run_php($code, ['display_errors' => '1', 'log_errors' => '1', 'error_log' => $log,
                         'zend.exception_ignore_args' => '0', 'error_reporting' => (string) E_ALL]);
$seen = [
    'output' => $child['out'] . $child['err'],
    'error_log' => (string) @file_get_contents($log),
    'PBX log' => (string) file_get_contents(dirname(state_file('x'), 2) . '/emulator.log'),
];
$secrets = [
    'PIN' => $pin,
    'session password' => $session_password,
    'key' => $key,
    'Basic credentials' => base64_encode("206:$pin"),
    'Basic credentials (login)' => base64_encode("alice:$pin"),
];
foreach ($seen as $where => $text) {
    foreach ($secrets as $what => $secret) {
        if (str_contains($text, $secret)) {
            echo "LEAK: the $what is in the $where\n";
        }
    }
}
// The paths really ran, each with its own exception.
preg_match_all('/^([a-zA-Z ]+): (Click2Dial\\\\\w+)$/m', $seen['output'], $m, PREG_SET_ORDER);
foreach ($m as [, $name, $class]) {
    echo "$name: $class\n";
}
echo str_contains($seen['output'], 'session password opens: yes') ? "secrets work\n" : "secrets do not work\n";
echo substr_count($seen['error_log'], 'Uncaught Click2Dial\AuthenticationException'), " uncaught exception logged\n";
echo substr_count($seen['output'], 'SensitiveParameterValue') > 10 ? "traces show SensitiveParameterValue\n" : "no SensitiveParameterValue\n";
@unlink($log);
?>
--EXPECT--
wrong PIN: Click2Dial\AuthenticationException
invalid number: Click2Dial\InvalidNumberException
unknown user: Click2Dial\UnknownUserException
PBX error: Click2Dial\PbxRejectedException
PBX gone: Click2Dial\PbxUnreachableException
bad setting: Click2Dial\ConfigurationException
session wrong key: Click2Dial\CredentialException
session bad method: Click2Dial\CredentialException
seal without login: Click2Dial\CredentialException
token for another user: Click2Dial\CredentialException
tampered token: Click2Dial\CredentialException
secrets work
1 uncaught exception logged
traces show SensitiveParameterValue
