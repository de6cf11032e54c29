--TEST--
click2dial.credentials: directory opens the provisioned PIN for makeCall; the other sources say what to pass
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();
$dir = sys_get_temp_dir() . '/c2d-credentials-' . getmypid();
@mkdir($dir, 0700);
// Provisioned by the administrator: alice's real PIN, bob's wrong one, carol has none.
$alice = Click2Dial\encryptCredential('0000', 'alice');
$bob = Click2Dial\encryptCredential('9999', 'bob');
$stolen = Click2Dial\encryptCredential('0000', 'alice');
file_put_contents("$dir/users.csv", "login,extension,sipx_user,credential\n"
    . "alice,206,,$alice\nbob,207,,$bob\ncarol,206,,\nmallory,206,,$stolen\n");

$code = <<<'PHP'
foreach (['alice', 'bob', 'carol', 'mallory'] as $login) {
    $e = show_exception(function () use ($login) {
        $result = Click2Dial\makeCall('+49 5331 939-0', $login);
        echo "$login: placed as ", $result['user'], "\n";
        throw new LogicException('ok');
    });
}
// A password the caller passes still wins.
echo Click2Dial\makeCall('207', 'bob', '1234')['status'], "\n";
PHP;
$child = run_php($code, ['click2dial.credentials' => 'directory', 'click2dial.directory' => "$dir/users.csv"]);
echo preg_replace('/localhost:\d+/', 'localhost:PORT', $child['out'] . $child['err']);
$calls = recorded_calls();
echo count($calls), ' calls: ', implode(', ', array_map(fn($c) => $c['user'] . ' -> ' . $c['dialed'], $calls)), "\n";

// In the other modes a missing password says where it should have come from.
foreach (['session', 'stored'] as $mode) {
    $child = run_php('show_exception(fn() => Click2Dial\makeCall("207", "alice"));', ['click2dial.credentials' => $mode]);
    echo $child['out'];
}
$child = run_php('show_exception(fn() => Click2Dial\makeCall("207", "alice"));', ['click2dial.credentials' => 'ldap']);
echo $child['out'];
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
alice: placed as 206
LogicException (0): ok
Click2Dial\AuthenticationException (401): sipXconfig at localhost:PORT did not accept the password of user "207" (HTTP 401 Unauthorized): check the user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)
Click2Dial\CredentialException (0): no PBX password was given: click2dial.credentials is directory, and the directory has no credential for "carol": add it with Click2Dial\encryptCredential(PIN, login) in the credential column
Click2Dial\CredentialException (0): the stored PBX PIN cannot be used: it does not open for the login "mallory": it was sealed for another user, or it was altered; let the user enter the PIN again
200
2 calls: 206 -> +4953319390, 207 -> 207
Click2Dial\CredentialException (0): no PBX password was given: click2dial.credentials is session: pass the login password of "alice", opened with Click2Dial\decryptSessionPassword(), as the third argument of makeCall()
Click2Dial\CredentialException (0): no PBX PIN is stored for "alice": the user must enter their PIN in the plugin's settings (Settings, Click2Dial), which keeps it with Click2Dial\storeCredential()
Click2Dial\ConfigurationException (0): click2dial.credentials is "ldap": use session, stored or directory
