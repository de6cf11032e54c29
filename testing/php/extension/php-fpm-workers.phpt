--TEST--
php-fpm workers (forked from a master that loaded the extension) place calls in turn, also after being recycled
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
$dir = sys_get_temp_dir() . '/c2d-fpm-' . getmypid();
@mkdir($dir);
clear_calls();
[$fpm, $socket] = fpm_start(2, 3, $dir);
$page = realpath(__DIR__ . '/../fixtures/fpm-call.php'); // php-fpm refuses a path with /../ in it

// Every call takes 300 ms at the PBX, so four requests at once keep both workers busy.
set_fault(['mode' => 'delay', 'ms' => 300]);
$connections = [];
for ($i = 1; $i <= 4; $i++) {
    $connections[] = fcgi_send($socket, $page, "to=20$i");
}
$answers = array_map('fcgi_receive', $connections);
clear_fault();
$pids = [];
foreach ($answers as $answer) {
    [$pid, $rest] = explode(' ', $answer, 2);
    $pids[$pid] = true;
    echo $rest, "\n";
}
echo count($pids), " workers answered\n";

// Then one after another: with pm.max_requests = 3 the workers are replaced on the way.
for ($i = 5; $i <= 10; $i++) {
    [, $rest] = explode(' ', fcgi_receive(fcgi_send($socket, $page, "to=20$i")), 2);
    echo $rest, "\n";
}
fpm_stop($fpm);
$dialed = array_column(recorded_calls(), 'dialed');
sort($dialed);
echo implode(' ', $dialed), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
200 201
200 202
200 203
200 204
2 workers answered
200 205
200 206
200 207
200 208
200 209
200 2010
201 202 203 204 205 206 207 208 209 2010
