<?php
/*
 * Judges a soak (testing/scripts/reliability): SAMPLES_FILE holds one line per sample, "calls rss_kB
 * fds". Growth is judged after WARM_UP calls, when caches, connections and PHP's allocator have
 * settled: no later sample may exceed the one at WARM_UP by more than 5%. Prints one line of
 * figures (the first sample, the one at WARM_UP, the last, the maximum after WARM_UP) and exits 1
 * when either figure grew more, or when there is no sample at WARM_UP.
 *
 *   php flat.php SAMPLES_FILE WARM_UP
 */

declare(strict_types=1);

[, $samples_file, $warm_up] = $argv;
$warm_up = (int) $warm_up;
const LIMIT = 1.05;

$samples = [];
foreach (file($samples_file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    [$at, $rss, $fds] = array_map('intval', explode(' ', $line));
    $samples[$at] = [$rss, $fds];
}
if (!isset($samples[$warm_up])) {
    echo "no sample at $warm_up calls";
    exit(1);
}
$base = $samples[$warm_up];
$settled = array_filter($samples, fn(int $at) => $at >= $warm_up, ARRAY_FILTER_USE_KEY);
$first_at = array_key_first($samples);
$first = $samples[$first_at];
$last = end($samples);
$max = [max(array_column($settled, 0)), max(array_column($settled, 1))];
printf('VmRSS kB at %d calls %d, at %d %d, last %d, max %d (%+.1f%%); open fds at %d %d, at %d %d, last %d, max %d',
    $first_at, $first[0], $warm_up, $base[0], $last[0], $max[0], ($max[0] / $base[0] - 1) * 100,
    $first_at, $first[1], $warm_up, $base[1], $last[1], $max[1]);
exit($max[0] <= $base[0] * LIMIT && $max[1] <= $base[1] * LIMIT ? 0 : 1);
