<?php
/*
 * getUsernr through PHP on the benchmark's 100,000-line directory: the first call (which loads
 * the file) and the median of single lookups, each timed with hrtime.
 */

declare(strict_types=1);

$lines = (int) $argv[1];
$started = hrtime(true);
Click2Dial\getUsernr('user000000.example');
$load = (hrtime(true) - $started) / 1e6;
$times = [];
for ($i = 0; $i < 100000; $i++) {
    $login = sprintf('user%06d.example', ($i * 7919) % $lines);
    $before = hrtime(true);
    $found = Click2Dial\getUsernr($login);
    $times[] = hrtime(true) - $before;
    if ($found === null) {
        throw new RuntimeException("$login not found");
    }
}
sort($times);
$median = $times[intdiv(count($times), 2)] / 1e3;
printf("getUsernr (PHP, %d lines): first call (load) %.1f ms, median lookup %.3f µs\n", $lines, $load, $median);
printf("result getusernr_load_ms %.2f\nresult getusernr_median_us %.3f\n", $load, $median);
