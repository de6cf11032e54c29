--TEST--
Shared state on Redis, two web servers (two php-fpm pools, two state folders) behind one nginx: a user's limit holds across both to the call; Redis stopped refuses calls on both and they pass again when it is back
--SKIPIF--
<?php
require __DIR__ . '/../inc/redis.php';
require __DIR__ . '/../inc/nginx.php';
if (redis_binary() === null) { die('skip redis-server is not installed (scripts/install-deps installs it)'); }
if (nginx_binary() === null) { die('skip nginx is not installed (scripts/install-deps installs it)'); }
if (trim((string) shell_exec('command -v php-fpm8.2 || command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null')) === '') {
    die('skip php-fpm is not installed (scripts/install-deps installs it)');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/fastcgi.php';
require __DIR__ . '/../inc/redis.php';
require __DIR__ . '/../inc/nginx.php';
$redis = new TestRedis();
$dir = sys_get_temp_dir() . '/c2d-pools-' . getmypid();
@mkdir($dir);
$pools = [];
foreach (['one', 'two'] as $server) {
    @mkdir("$dir/$server", 0700);
    @mkdir("$dir/fpm-$server");
    $pools[$server] = fpm_start(2, 0, "$dir/fpm-$server", ['click2dial.rate_limit' => '4',
        'click2dial.state_dir' => "$dir/$server", 'click2dial.shared_state' => $redis->url()]);
}
$page = realpath(__DIR__ . '/../fixtures/fpm-call-shared.php'); // php-fpm refuses a path with /../ in it
[$nginx, $web] = nginx_start($dir, array_column($pools, 1), $page);

/** Sends the requests for $numbers at once through nginx; the answers' lines, each "server outcome". */
$burst = function (array $numbers) use ($web): array {
    $connections = array_map(fn(string $to) => http_send($web, "/call.php?to=$to"), $numbers);
    return array_map('http_receive', $connections);
};
/** How many answers of each kind: "one placed: 2, two RateLimitedException: 3, ...", sorted. */
$tally = function (array $answers): string {
    $counts = array_count_values(array_map(fn(string $a) => str_replace('Click2Dial\\', '', $a), $answers));
    ksort($counts);
    return implode(', ', array_map(fn($kind, $n) => "$kind: $n", array_keys($counts), $counts));
};
$placed = fn(array $answers) => count(array_filter($answers, fn(string $a) => str_ends_with($a, ' placed')));
clear_calls();

// Ten calls of one user at once, five to each server (round-robin): a limit per server would
// let eight through; the shared one lets four, wherever they land.
$answers = $burst(array_map(fn(int $i) => "30$i", range(0, 9)));
echo count(array_filter($answers, fn(string $a) => str_starts_with($a, 'one '))), " answered by one, ",
    count(array_filter($answers, fn(string $a) => str_starts_with($a, 'two '))), " by two\n";
echo $placed($answers), " placed, ", count(array_filter($answers, fn(string $a) => str_ends_with($a, 'RateLimitedException'))), " RateLimitedException\n";
echo count(recorded_calls()), " calls reached the PBX\n";

// Redis stopped: both servers refuse, and nothing is sent.
$redis->stop();
clear_calls();
echo $tally($burst(['401', '402'])), "\n";
echo count(recorded_calls()), " calls reached the PBX\n";

// Back (a Redis without persistence: alice's window starts afresh): both servers place again.
$redis->start();
$answers = array_map(fn(string $to) => http_receive(http_send($web, "/call.php?to=$to")), ['501', '502', '503', '504']);
echo $tally($answers), "\n";
echo count(recorded_calls()), " calls reached the PBX\n";

fpm_stop($nginx);
foreach ($pools as [$fpm]) { fpm_stop($fpm); }
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
5 answered by one, 5 by two
4 placed, 6 RateLimitedException
4 calls reached the PBX
one ConfigurationException: 1, two ConfigurationException: 1
0 calls reached the PBX
one placed: 2, two placed: 2
4 calls reached the PBX
