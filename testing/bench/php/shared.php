<?php
/*
 * The shared-state contender of the benchmark (testing/scripts/bench), one round: CALLS calls of
 * makeCall with the call limits on, each timed, after a warm-up, the callers taken in turn from
 * USERS users (FIRST_USER, FIRST_USER + 1, ...) so that no one reaches the limit a minute. Which
 * store keeps the limits (the state folder or click2dial.shared_state) is the INI's. Prints the
 * `result` lines of cli.php under NAME and adds the latencies (µs, one a line) to LATENCY_FILE.
 *
 *   php shared.php NAME CALLS LATENCY_FILE FIRST_USER USERS PIN
 */

declare(strict_types=1);

[, $name, $calls, $out, $first, $users, $pin] = $argv;
[$calls, $first, $users] = [(int) $calls, (int) $first, (int) $users];
const NUMBER = '5551234';
const WARM_UP = 200;

$call = fn(int $i) => Click2Dial\makeCall(NUMBER, (string) ($first + $i % $users), $pin);
for ($i = 0; $i < WARM_UP; $i++) {
    $call($i);
}
$times = [];
$started = hrtime(true);
for ($i = 0; $i < $calls; $i++) {
    $before = hrtime(true);
    $call($i);
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
