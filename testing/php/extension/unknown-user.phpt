--TEST--
A login the directory does not know is an UnknownUserException, and getUsernr returns null
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$before = pbx_requests();
var_dump(Click2Dial\getUsernr('alice'), Click2Dial\getUsernr('ALICE'), Click2Dial\getUsernr('bob.smith'),
         Click2Dial\getUsernr('Émile'), Click2Dial\getUsernr('mallory'), Click2Dial\getUsernr(''));
$e = show_exception(fn() => Click2Dial\makeCall('207', 'mallory', '0000'));
var_dump(str_contains($e->getMessage(), 'testing/php/fixtures/directory.csv'));
show_exception(fn() => Click2Dial\makeCall('207', '', '0000'));
show_exception(fn() => Click2Dial\makeCall('207', "alice\r\n", '0000'));
var_dump(pbx_requests() - $before);

// Without a directory the login itself is the extension, as in the original plugin.
$child = run_php('var_dump(Click2Dial\getUsernr("206"), Click2Dial\getUsernr("a b"));
                  echo Click2Dial\makeCall("207", "206", "0000")["user"], "\n";',
                 ['click2dial.directory' => '']);
echo $child['out'], $child['err'];
?>
--EXPECTF--
string(3) "206"
string(3) "206"
string(3) "207"
string(3) "208"
NULL
NULL
Click2Dial\UnknownUserException (0): the login "mallory" is not in the directory click2dial.directory %s/testing/php/fixtures/directory.csv: add a line login,extension,sipx_user for this user
bool(true)
Click2Dial\UnknownUserException (0): no login was given: pass the groupware login of the user who calls
Click2Dial\UnknownUserException (0): the login "alice\r\n" is not in the directory click2dial.directory %s: add a line login,extension,sipx_user for this user
int(0)
string(3) "206"
NULL
206
