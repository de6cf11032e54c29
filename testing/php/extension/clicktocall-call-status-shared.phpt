--TEST--
callStatus() with clicktocall and click2dial.shared_state: a call placed through one web server (a php-fpm pool with its own state folder) is followed to answered through another; the record is on Redis, in neither folder
--SKIPIF--
<?php
require __DIR__ . '/../inc/redis.php';
if (redis_binary() === null) { die('skip redis-server is not installed (scripts/install-deps installs it)'); }
if (trim((string) shell_exec('command -v php-fpm8.2 || command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null')) === '') {
    die('skip php-fpm is not installed (scripts/install-deps installs it)');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/fastcgi.php';
require __DIR__ . '/../inc/clicktocall.php';
require __DIR__ . '/../inc/redis.php';
$redis = new TestRedis();
// At the real time scale both phones ring 2 s: the call is still going when the other server
// first asks about it.
$emulator = clicktocall_start(1.0);
$dir = sys_get_temp_dir() . '/c2c-shared-' . getmypid();
@mkdir($dir);
$pools = [];
foreach (['one', 'two'] as $server) {
    @mkdir("$dir/$server", 0700);
    @mkdir("$dir/fpm-$server");
    $pools[$server] = fpm_start(1, 0, "$dir/fpm-$server", clicktocall_ini($emulator, true, [
        'click2dial.state_dir' => "$dir/$server", 'click2dial.shared_state' => $redis->url()]));
}
$page = realpath(__DIR__ . '/../fixtures/clicktocall-fpm.php'); // php-fpm refuses a path with /../ in it

[, $json] = explode(' ', fcgi_receive(fcgi_send($pools['one'][1], $page, 'do=call')), 2);
$call = json_decode($json, true);
echo $call['pbx'], ' ', $call['status'], "\n";
[, $answer] = explode(' ', fcgi_receive(fcgi_send($pools['two'][1], $page, 'do=follow&call=' . rawurlencode($json))), 2);
echo "server two: $answer\n";
echo count(glob("$dir/one/*.call")) + count(glob("$dir/two/*.call")), " records in the state folders\n";
echo str_starts_with((string) $redis->command(['GET', 'click2dial:call:' . $call['call_id']]), 'click2dial-call 1') ? "the record is on Redis\n" : "no record on Redis\n";
foreach ($pools as [$fpm]) {
    fpm_stop($fpm);
}
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
clicktocall 100
server two: answered: requested -> ringing/initiator -> connected/initiator -> calling/destination -> answered/destination
0 records in the state folders
the record is on Redis
