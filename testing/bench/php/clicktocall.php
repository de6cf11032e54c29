<?php
/*
 * makeCall through the clicktocall server (click2dial.pbx = clicktocall), one round of the
 * benchmark's clicktocall part (testing/bench/clicktocall): CALLS calls in a loop, each timed,
 * after a warm-up, through the interface the INI settings name. Prints the same `result` lines as
 * the CLI contenders (cli.php) under NAME, and adds the latencies (µs, one a line) to
 * LATENCY_FILE.
 *
 *   php -d click2dial.pbx=clicktocall … clicktocall.php NAME CALLS LATENCY_FILE USER
 *
 * Through HTTP makeCall returns once the page says "Initiating" (a TCP connection per call, the
 * server closes each); through XML once the 100 came, after starting the follower process that
 * reads the rest of the call, which is part of what is timed.
 */

declare(strict_types=1);

[, $name, $calls, $out, $user] = $argv;
$calls = (int) $calls;
const NUMBER = '5551234';
const WARM_UP = 20;

$call = fn() => Click2Dial\makeCall(NUMBER, $user);
for ($i = 0; $i < WARM_UP; $i++) {
    $call();
}
$times = [];
$started = hrtime(true);
for ($i = 0; $i < $calls; $i++) {
    $before = hrtime(true);
    $call();
    $times[] = (hrtime(true) - $before) / 1e3;
}
$total = (hrtime(true) - $started) / 1e9;
file_put_contents($out, implode("\n", array_map(fn($t) => sprintf('%.1f', $t), $times)) . "\n", FILE_APPEND);
sort($times);
$at = fn(float $q) => $times[(int) ((count($times) - 1) * $q)];
$rate = $calls / $total;
printf("%s: %d calls, %.0f calls/s, p50 %.0f µs, p99 %.0f µs\n", $name, $calls, $rate, $at(0.5), $at(0.99));
printf("result %s_rate %.1f\nresult %s_p50_us %.1f\nresult %s_p99_us %.1f\n",
    $name, $rate, $name, $at(0.5), $name, $at(0.99));
