--TEST--
The directory is reloaded when it changes, without a restart; a broken file names its line
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$path = sys_get_temp_dir() . '/c2d-directory-' . getmypid() . '.csv';
file_put_contents($path, "login,extension\ncarol,209\n");
$code = <<<'PHP'
$path = getenv('C2D_TEST_DIRECTORY');
$replace = function (string $text) use ($path) {
    file_put_contents("$path.new", $text);
    rename("$path.new", $path);
    usleep(1100000); // changes are looked for at most once a second
};
var_dump(Click2Dial\getUsernr('carol'), Click2Dial\getUsernr('dave'));
$replace("login,extension\ncarol,210\n# dave joined\ndave,211\n");
var_dump(Click2Dial\getUsernr('carol'), Click2Dial\getUsernr('dave'));
$replace("login,extension\ncarol,210\n\ndave\n");
show_exception(fn() => Click2Dial\getUsernr('carol'));
$replace("login,extension\ncarol,210\nCAROL,212\n");
show_exception(fn() => Click2Dial\makeCall('207', 'carol', 'x'));
$replace("login,extension\ncarol,213\n");
var_dump(Click2Dial\getUsernr('carol'));
PHP;
putenv("C2D_TEST_DIRECTORY=$path");
$child = run_php($code, ['click2dial.directory' => $path]);
echo str_replace($path, 'DIRECTORY', $child['out'] . $child['err']);
unlink($path);
?>
--EXPECT--
string(3) "209"
NULL
string(3) "210"
string(3) "211"
Click2Dial\ConfigurationException (0): click2dial.directory DIRECTORY line 4: login and extension must both be given
Click2Dial\ConfigurationException (0): click2dial.directory DIRECTORY line 3: the login "CAROL" is already listed on line 2 (logins match without regard to case)
string(3) "213"
