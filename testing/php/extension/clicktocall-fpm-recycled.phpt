--TEST--
callStatus() with clicktocall: a php-fpm worker recycled right after placing a call; the next worker follows the call to answered (the follower outlived the worker)
--SKIPIF--
<?php
if (trim((string) shell_exec('command -v php-fpm8.2 || command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null')) === '') {
    die('skip php-fpm is not installed');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/fastcgi.php';
require __DIR__ . '/../inc/clicktocall.php';
// At the real time scale both phones ring 2 s: the call lasts some 4 s, far longer than the
// worker that placed it.
$emulator = clicktocall_start(1.0);
$dir = sys_get_temp_dir() . '/c2c-fpm-' . getmypid();
@mkdir($dir, 0700);
// fpm_start() passes the suite's -d settings (suite_ini(), read from TEST_PHP_EXTRA_ARGS) to
// php-fpm: the clicktocall site's settings go there too.
$extra = '';
foreach (clicktocall_ini($emulator, true) as $name => $value) {
    $extra .= " -d \"$name=$value\"";
}
putenv('TEST_PHP_EXTRA_ARGS=' . getenv('TEST_PHP_EXTRA_ARGS') . $extra);
// One worker, replaced after every request.
[$fpm, $socket] = fpm_start(1, 1, $dir);
$page = realpath(__DIR__ . '/../fixtures/clicktocall-fpm.php');

[$placer, $json] = explode(' ', fcgi_receive(fcgi_send($socket, $page, 'do=call')), 2);
$call = json_decode($json, true);
echo $call['pbx'], ' ', $call['status'], "\n";
[$follower, $answer] = explode(' ', fcgi_receive(fcgi_send($socket, $page, 'do=follow&call=' . rawurlencode($json))), 2);
echo $answer, "\n";
var_dump($placer !== $follower);
fpm_stop($fpm);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
clicktocall 100
answered: requested -> ringing/initiator -> connected/initiator -> calling/destination -> answered/destination
bool(true)
