<?php
/*
 * Checks that every call of a load run was placed exactly once: the PBX's record (the emulator's
 * calls.jsonl) against the responses php-fpm gave (nginx's access log, one line per request:
 * status, the X-C2D-Dialed header, the X-C2D-Worker header). Prints one line of figures and
 * exits 1 unless there are EXPECTED records with EXPECTED distinct numbers, EXPECTED answers of
 * 200, and the two sets are the same (none lost, none duplicated, none recorded unanswered).
 * With MIN_WORKERS, more than that many worker pids must have answered (proof of recycling).
 *
 *   php exactly-once.php CALLS_JSONL ACCESS_LOG EXPECTED [MIN_WORKERS]
 */

declare(strict_types=1);

[, $calls_file, $log_file, $expected] = $argv;
$expected = (int) $expected;
$min_workers = isset($argv[4]) ? (int) $argv[4] : null;

$recorded = [];
foreach (file($calls_file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    $dialed = json_decode($line, true, 8, JSON_THROW_ON_ERROR)['dialed'];
    $recorded[$dialed] = ($recorded[$dialed] ?? 0) + 1;
}
$records = array_sum($recorded);
$duplicated = count(array_filter($recorded, fn(int $n) => $n > 1));

$answered = [];
$workers = [];
$not_ok = 0;
foreach (file($log_file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    [$status, $dialed, $worker] = explode(' ', $line);
    $workers[$worker] = true;
    if ($status === '200' && $dialed !== '-') {
        $answered[$dialed] = ($answered[$dialed] ?? 0) + 1;
    } else {
        $not_ok++;
    }
}
$lost = count(array_diff_key($answered, $recorded));
$unanswered = count(array_diff_key($recorded, $answered));
$answered_twice = count(array_filter($answered, fn(int $n) => $n > 1));

printf('%d records, %d distinct numbers, %d answered 200 (%d not), %d lost, %d duplicated, %d recorded but not answered, %d worker pids',
    $records, count($recorded), array_sum($answered), $not_ok, $lost, $duplicated + $answered_twice, $unanswered, count($workers));
$ok = $records === $expected && count($recorded) === $expected && array_sum($answered) === $expected
    && count($answered) === $expected && $not_ok === 0 && $lost === 0 && $unanswered === 0
    && ($min_workers === null || count($workers) > $min_workers);
exit($ok ? 0 : 1);
