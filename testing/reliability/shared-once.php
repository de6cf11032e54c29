<?php
/*
 * Checks the two-pool case (testing/scripts/reliability): the limit a minute, kept on Redis,
 * held across both web servers, and every call it allowed was placed exactly once. Reads the
 * PBX's record (the emulator's calls.jsonl) and nginx's access log (one line per request:
 * status, X-C2D-Dialed, X-C2D-Worker, X-C2D-Server, X-C2D-Refused).
 *
 * The limit is a sliding minute, so a run of SECONDS may place at most LIMIT for each minute it
 * began, ceil(SECONDS / 60) times LIMIT, and at least LIMIT (or every request, if fewer): a
 * bound that holds on a machine of any speed; under a minute it is exactly LIMIT. Prints one
 * line of figures and exits 1 unless there are EXPECTED answers, each a 200 or a 429, the
 * numbers answered 200 are the numbers recorded, each once, none refused was recorded, the
 * count placed is within the bound, and both servers placed calls.
 *
 *   php shared-once.php CALLS_JSONL ACCESS_LOG EXPECTED LIMIT SECONDS
 */

declare(strict_types=1);

[, $calls_file, $log_file, $expected, $limit, $seconds] = $argv;
[$expected, $limit] = [(int) $expected, (int) $limit];

$recorded = [];
foreach (file($calls_file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    $dialed = json_decode($line, true, 8, JSON_THROW_ON_ERROR)['dialed'];
    $recorded[$dialed] = ($recorded[$dialed] ?? 0) + 1;
}

$placed = $refused = $placed_by = $workers = [];
$answers = $other = 0;
foreach (file($log_file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    [$status, $dialed, $worker, $server, $refused_number] = explode(' ', $line);
    $answers++;
    $workers[$worker] = true;
    if ($status === '200' && $dialed !== '-') {
        $placed[$dialed] = ($placed[$dialed] ?? 0) + 1;
        $placed_by[$server] = ($placed_by[$server] ?? 0) + 1;
    } elseif ($status === '429' && $refused_number !== '-') {
        $refused[$refused_number] = true;
    } else {
        $other++;
    }
}
$placed_count = array_sum($placed);
$twice = count(array_filter($placed, fn(int $n) => $n > 1)) + count(array_filter($recorded, fn(int $n) => $n > 1));
$lost = count(array_diff_key($placed, $recorded));
$unanswered = count(array_diff_key($recorded, $placed));
$refused_but_sent = count(array_intersect_key($refused, $recorded));
$least = min($limit, $expected);
$most = $limit * max(1, (int) ceil((float) $seconds / 60));
ksort($placed_by);
$by = implode(', ', array_map(fn($server, $n) => "$n by $server", array_keys($placed_by), $placed_by));

printf('%d answers: %d placed (%s; allowed %d to %d), %d refused, %d other; %d records, %d lost, %d placed twice, '
    . '%d recorded but not answered, %d refused but recorded; %d worker pids',
    $answers, $placed_count, $by, $least, $most, count($refused), $other, array_sum($recorded), $lost, $twice,
    $unanswered, $refused_but_sent, count($workers));
$ok = $answers === $expected && $other === 0 && $placed_count + count($refused) === $expected
    && $placed_count >= $least && $placed_count <= $most && $twice === 0 && $lost === 0 && $unanswered === 0
    && $refused_but_sent === 0 && count($placed_by) === 2;
exit($ok ? 0 : 1);
