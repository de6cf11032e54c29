<?php
/*
 * One contender of the CLI benchmark (testing/scripts/bench), one round: CALLS calls in a loop, each
 * timed, after a warm-up. Prints the same `result` lines as the Rust side and adds the latencies
 * (µs, one a line) to LATENCY_FILE, which collects every round, for the report and the plot.
 *
 *   php cli.php makecall|curl-fresh|curl-reused CALLS LATENCY_FILE URL CA USER PIN
 *
 * The cURL contenders send what makeCall sends: PUT, empty body, pre-emptive Basic auth, the CA
 * file and the same connect and total time-outs, no redirects.
 */

declare(strict_types=1);

[, $mode, $calls, $out, $url, $ca, $user, $pin] = $argv;
$calls = (int) $calls;
const NUMBER = '5551234';
const WARM_UP = 200;

function curl_handle(string $url, string $ca, string $user, string $pin)
{
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
    return $handle;
}

function curl_call($handle): void
{
    if (curl_exec($handle) === false || curl_getinfo($handle, CURLINFO_RESPONSE_CODE) !== 200) {
        throw new RuntimeException('cURL call failed: ' . curl_error($handle));
    }
}

switch ($mode) {
    case 'makecall':
        $call = fn() => Click2Dial\makeCall(NUMBER, $user, $pin);
        break;
    case 'curl-fresh':
        // The thesis' way: a handle per click, so a TCP connection and TLS handshake per call.
        $call = function () use ($url, $ca, $user, $pin) {
            $handle = curl_handle($url, $ca, $user, $pin);
            curl_call($handle);
            curl_close($handle);
        };
        break;
    case 'curl-reused':
        $shared = curl_handle($url, $ca, $user, $pin);
        $call = fn() => curl_call($shared);
        break;
    default:
        fwrite(STDERR, "unknown mode $mode\n");
        exit(2);
}

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
$name = str_replace('-', '_', $mode);
$rate = $calls / $total;
printf("%s: %d calls, %.0f calls/s, p50 %.0f µs, p99 %.0f µs\n", $name, $calls, $rate, $at(0.5), $at(0.99));
printf("result %s_rate %.1f\nresult %s_p50_us %.1f\nresult %s_p99_us %.1f\n",
    $name, $rate, $name, $at(0.5), $name, $at(0.99));
