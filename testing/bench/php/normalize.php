<?php
/*
 * normalizeNumber through PHP: the numbers and dial plan of the Rust measurement
 * (testing/bench/src/normalize.rs writes them into DIR; click2dial.dialplan names the plan), in a fixed
 * shuffled order, the median of single calls each timed with hrtime, after a warm-up.
 *
 *   php normalize.php DIR
 */

declare(strict_types=1);

$numbers = file($argv[1] . '/numbers.txt', FILE_IGNORE_NEW_LINES);
$kinds = count($numbers);
for ($i = 0; $i < $kinds * 100; $i++) {
    try {
        Click2Dial\normalizeNumber($numbers[$i % $kinds]);
    } catch (Click2Dial\Exception) {
    }
}
// Every kind evenly, in a fixed shuffled order, so that the branch predictor cannot learn one.
$order = [];
for ($i = 0; $i < 100000; $i++) {
    $order[] = $i % $kinds;
}
mt_srand(7919);
shuffle($order);
$times = [];
foreach ($order as $index) {
    $number = $numbers[$index];
    $before = hrtime(true);
    try {
        Click2Dial\normalizeNumber($number);
    } catch (Click2Dial\Exception) {
        // Refused numbers are part of the mix, as in the Rust measurement.
    }
    $times[] = hrtime(true) - $before;
}
sort($times);
$at = fn(float $q) => $times[(int) ((count($times) - 1) * $q)] / 1e3;
printf("normalizeNumber (PHP, %d mixed numbers from %d kinds): median %.2f µs, p90 %.2f µs, p99 %.2f µs\n",
    count($times), $kinds, $at(0.5), $at(0.9), $at(0.99));
printf("result normalize_php_median_us %.3f\n", $at(0.5));
