--TEST--
A login that only looks like a listed one (Kelvin sign, full-width letters) is an unknown user, not that user: no call, no PIN tried, no share of their limits
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$users = tempnam(sys_get_temp_dir(), 'c2d-users');
file_put_contents($users, "login,extension\nkim,206\nadmin,207\n\u{212a}elvin,208\n");
$code = <<<'PHP'
foreach (["Kim", "\u{212a}im", "\u{212a}IM", "\u{ff41}dmin", "\u{ff21}DMIN", "ADMIN", "\u{212a}ELVIN", "kelvin"] as $login) {
    echo json_encode($login), " => ", var_export(Click2Dial\getUsernr($login), true), "\n";
}
$sent = pbx_requests();
show_exception(fn() => Click2Dial\makeCall("201", "\u{212a}im", "0000"));
show_exception(fn() => Click2Dial\activeCalls("\u{ff41}dmin", "1234"));
echo "requests sent: ", pbx_requests() - $sent, "\n";
PHP;
echo run_php($code, ['click2dial.directory' => $users])['out'];
unlink($users);
?>
--EXPECTF--
"Kim" => '206'
"\u212aim" => NULL
"\u212aIM" => NULL
"\uff41dmin" => NULL
"\uff21DMIN" => NULL
"ADMIN" => '207'
"\u212aELVIN" => '208'
"kelvin" => NULL
Click2Dial\UnknownUserException (0): the login "Kim" is not in the directory click2dial.directory %s: add a line login,extension,sipx_user for this user
Click2Dial\UnknownUserException (0): the login "ａdmin" is not in the directory click2dial.directory %s: add a line login,extension,sipx_user for this user
requests sent: 0
