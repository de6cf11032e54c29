--TEST--
Shared state on Redis: two servers (two state folders) share one limit to the call, Redis stopped refuses calls with a ConfigurationException and they pass again when it is back, a forked child makes its own connection
--SKIPIF--
<?php
require __DIR__ . '/../inc/redis.php';
if (redis_binary() === null) { die('skip redis-server is not installed (scripts/install-deps installs it)'); }
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/redis.php';
$redis = new TestRedis();
$folders = [];
foreach (['one', 'two'] as $server) {
    $folders[$server] = sys_get_temp_dir() . "/c2d-shared-$server-" . getmypid();
    @mkdir($folders[$server], 0700);
}
$ini = fn(string $server) => ['click2dial.rate_limit' => '4', 'click2dial.duplicate_window_ms' => '5000',
    'click2dial.state_dir' => $folders[$server], 'click2dial.shared_state' => $redis->url()];
$call = fn(string $to) => 'try { Click2Dial\makeCall("' . $to . '", "alice", "0000"); echo "placed\n"; }
    catch (Click2Dial\Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }';
clear_calls();

// Eight calls, alternating between the two servers: the budget of four is one for both.
for ($i = 0; $i < 8; $i++) {
    $out = run_php($call("30$i"), $ini($i % 2 ? 'two' : 'one'))['out'];
    echo preg_replace('/in \d+ s/', 'in N s', $out);
}
echo count(recorded_calls()), " calls reached the PBX\n";
// The folders hold each call's record for callStatus(), but no limit record (*.calls).
echo "no limits in the state folders: ", var_export(!glob("{$folders['one']}/*.calls") && !glob("{$folders['two']}/*.calls"), true), "\n";

// Redis stopped: nothing is sent, and the message names the setting.
$redis->stop();
clear_calls();
$out = run_php($call('401'), $ini('one'))['out'];
echo str_replace($redis->url(), 'URL', preg_replace('/cannot be reached \(.*?\), so/', 'cannot be reached (WHY), so', $out));
$redis->start();
// Back: Bob has a budget of his own, and a fresh Redis holds nothing of alice's.
echo run_php(str_replace(['"alice"', '"0000"'], ['"bob.smith"', '"1234"'], $call('402')), $ini('two'))['out'];
echo count(recorded_calls()), " call reached the PBX\n";

// One connection per process, made again after a fork: parent and child both call.
$fork = <<<'PHP'
Click2Dial\makeCall("501", "bob.smith", "1234");
$pid = pcntl_fork();
if ($pid === 0) {
    try { Click2Dial\makeCall("502", "bob.smith", "1234"); exit(0); } catch (Throwable $e) { fwrite(STDERR, "$e\n"); exit(1); }
}
pcntl_waitpid($pid, $status);
echo "child ", pcntl_wexitstatus($status) === 0 ? "placed" : "failed", "\n";
Click2Dial\makeCall("503", "bob.smith", "1234");
echo "parent placed\n";
PHP;
$child = run_php($fork, ['click2dial.rate_limit' => '6', 'click2dial.state_dir' => $folders['one'], 'click2dial.shared_state' => $redis->url()]);
echo $child['out'], $child['err'];
foreach ($folders as $folder) { array_map('unlink', glob("$folder/*")); rmdir($folder); }
?>
--EXPECT--
placed
placed
placed
placed
Click2Dial\RateLimitedException: PBX account "206" has placed 4 calls in the last minute, as many as click2dial.rate_limit allows: try again in N s
Click2Dial\RateLimitedException: PBX account "206" has placed 4 calls in the last minute, as many as click2dial.rate_limit allows: try again in N s
Click2Dial\RateLimitedException: PBX account "206" has placed 4 calls in the last minute, as many as click2dial.rate_limit allows: try again in N s
Click2Dial\RateLimitedException: PBX account "206" has placed 4 calls in the last minute, as many as click2dial.rate_limit allows: try again in N s
4 calls reached the PBX
no limits in the state folders: true
Click2Dial\ConfigurationException: Redis at click2dial.shared_state "URL" cannot be reached (WHY), so the call limits and call records cannot be kept and nothing is sent to the PBX: start Redis or fix the setting (it is waited for click2dial.connect_timeout_ms)
placed
1 call reached the PBX
child placed
parent placed
