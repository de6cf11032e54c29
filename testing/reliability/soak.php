<?php
/*
 * The PHP CLI soak of testing/scripts/reliability: CALLS calls in one PHP process (one worker), sampling
 * its resident memory (VmRSS) and open file descriptors every SAMPLE calls into SAMPLES_FILE
 * ("calls rss_kB fds", judged by flat.php). Prints the calls' figures; exits 1 when one failed.
 *
 *   php soak.php CALLS SAMPLE SAMPLES_FILE USER PIN
 */

declare(strict_types=1);

[, $calls, $every, $samples_file, $user, $pin] = $argv;
[$calls, $every] = [(int) $calls, (int) $every];

function rss_kb(): int
{
    preg_match('/^VmRSS:\s+(\d+) kB/m', file_get_contents('/proc/self/status'), $m);
    return (int) $m[1];
}

function open_fds(): int
{
    // scandir's own descriptor is counted too: the same one in every sample.
    return count(scandir('/proc/self/fd')) - 2;
}

$samples = '';
$failed = 0;
$started = hrtime(true);
for ($i = 1; $i <= $calls; $i++) {
    try {
        Click2Dial\makeCall(sprintf('7%07d', $i), $user, $pin);
    } catch (Throwable $e) {
        if ($failed++ === 0) {
            fwrite(STDERR, "first failure at call $i: " . get_class($e) . ': ' . $e->getMessage() . "\n");
        }
    }
    if ($i % $every === 0) {
        $samples .= sprintf("%d %d %d\n", $i, rss_kb(), open_fds());
    }
}
$seconds = (hrtime(true) - $started) / 1e9;
file_put_contents($samples_file, $samples);
printf('%d calls in %.0f s (%.0f calls/s), %d failed', $calls, $seconds, $calls / $seconds, $failed);
exit($failed === 0 ? 0 : 1);
