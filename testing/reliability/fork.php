<?php
/*
 * The fork case of testing/scripts/reliability, under load: the parent places a call (so it holds a
 * kept-alive TLS connection), then forks CHILDREN children, and every child and the parent
 * place CALLS calls each at the same time, then the parent calls once more. A child that went
 * on speaking on the connection it inherited would interleave its TLS records with its
 * parent's: calls would fail, or land twice or not at all. Checks every call succeeded, the
 * PBX's record (CALLS_JSONL) holds each number exactly once, and the PBX accepted at least one
 * connection per process (CONTROL is the emulator's control URL, for its /stats).
 * Prints one line of figures; exits 1 when a check fails.
 *
 *   php fork.php CHILDREN CALLS CALLS_JSONL CONTROL USER PIN
 */

declare(strict_types=1);

[, $children, $calls, $calls_file, $control, $user, $pin] = $argv;
[$children, $calls] = [(int) $children, (int) $calls];

function connections(string $control): int
{
    return json_decode(file_get_contents("$control/stats"), true, 4, JSON_THROW_ON_ERROR)['connections'];
}

/** Places $calls calls as process $process; returns how many failed. */
function place(int $process, int $calls, string $user, string $pin): int
{
    $failed = 0;
    for ($i = 1; $i <= $calls; $i++) {
        try {
            Click2Dial\makeCall(sprintf('8%03d%05d', $process, $i), $user, $pin);
        } catch (Throwable $e) {
            if ($failed++ === 0) {
                fwrite(STDERR, "process $process, call $i: " . get_class($e) . ': ' . $e->getMessage() . "\n");
            }
        }
    }
    return $failed;
}

$connections_before = connections($control);
$failed = place(0, 1, $user, $pin);
$pids = [];
for ($child = 1; $child <= $children; $child++) {
    $pid = pcntl_fork();
    if ($pid === -1) {
        fwrite(STDERR, "fork failed\n");
        exit(1);
    }
    if ($pid === 0) {
        exit(min(place($child, $calls, $user, $pin), 255));
    }
    $pids[] = $pid;
}
// The parent's calls run while the children's do; it pays for its own connection too.
$failed += place($children + 1, $calls, $user, $pin);
$children_failed = 0;
foreach ($pids as $pid) {
    pcntl_waitpid($pid, $status);
    if (!pcntl_wifexited($status) || pcntl_wexitstatus($status) !== 0) {
        $children_failed++;
    }
}
$failed += place($children + 2, 1, $user, $pin);
$connections = connections($control) - $connections_before;

$expected = 2 + ($children + 1) * $calls;
$recorded = array_map(fn(string $line) => json_decode($line, true, 8, JSON_THROW_ON_ERROR)['dialed'],
    file($calls_file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
$distinct = count(array_unique($recorded));
printf('parent called, then it and %d children %d calls each at once, then the parent again: %d failed in the parent, %d children failed; %d records, %d distinct (expected %d); %d PBX connections for %d processes',
    $children, $calls, $failed, $children_failed, count($recorded), $distinct, $expected, $connections, $children + 1);
exit($failed === 0 && $children_failed === 0 && count($recorded) === $expected && $distinct === $expected
    && $connections >= $children + 1 ? 0 : 1);
