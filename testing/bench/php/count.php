<?php
/*
 * The loop whose instructions the benchmark counts with callgrind (testing/scripts/bench): CALLS
 * calls of one contender and nothing else, no timing, no warm-up. Run at two lengths, the
 * difference of the counts over the difference of the calls is the cost of one call, start-up
 * and the first connection cancelled out.
 *
 *   php count.php makecall|curl-reused CALLS URL CA USER PIN
 */

declare(strict_types=1);

[, $mode, $calls, $url, $ca, $user, $pin] = $argv;
$calls = (int) $calls;
const NUMBER = '5551234';

switch ($mode) {
    case 'makecall':
        for ($i = 0; $i < $calls; $i++) {
            Click2Dial\makeCall(NUMBER, $user, $pin);
        }
        break;
    case 'curl-reused':
        // As testing/bench/php/cli.php sets it up.
        $handle = curl_init("$url/sipxconfig/rest/call/" . NUMBER);
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => 'PUT',
            CURLOPT_HTTPHEADER => ['Content-Length: 0'],
            CURLOPT_HTTPAUTH => CURLAUTH_BASIC,
            CURLOPT_USERPWD => "$user:$pin",
            CURLOPT_CAINFO => $ca,
            CURLOPT_SSL_VERIFYPEER => true,
            CURLOPT_SSL_VERIFYHOST => 2,
            CURLOPT_CONNECTTIMEOUT_MS => 2000,
            CURLOPT_TIMEOUT_MS => 5000,
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TCP_NODELAY => true,
        ]);
        for ($i = 0; $i < $calls; $i++) {
            if (curl_exec($handle) === false || curl_getinfo($handle, CURLINFO_RESPONSE_CODE) !== 200) {
                throw new RuntimeException('cURL call failed: ' . curl_error($handle));
            }
        }
        break;
    default:
        fwrite(STDERR, "unknown mode $mode\n");
        exit(2);
}
