--TEST--
Call limits: a call that may have reached the PBX (a time-out, a 500) keeps its number, so a slow PBX does not ring twice; a refused connection, a TLS failure or a refusal gives it back
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$state = sys_get_temp_dir() . '/c2d-sent-' . getmypid();
@mkdir($state, 0700);
$ini = ['click2dial.duplicate_window_ms' => '5000', 'click2dial.state_dir' => $state];
$call = function (string $to, array $more = []) use ($ini): string {
    $out = run_php('show_exception(function () { Click2Dial\makeCall("' . $to . '", "alice", "0000"); throw new LogicException("placed"); });', $more + $ini)['out'];
    return preg_replace(['/localhost:\d+/', '/\(\d+\): (PBX account "206" called)/', '/wait \d+ s/'], ['localhost:PORT', '(N): $1', 'wait N s'], $out);
};
clear_calls();

echo "-- a slow PBX: the request was sent, the answer came too late\n";
$sent = pbx_requests();
set_fault(['mode' => 'blackhole', 'times' => 1]);
echo $call('201', ['click2dial.timeout_ms' => '300']);
clear_fault();
echo $call('201');
echo "requests sent: ", pbx_requests() - $sent, "\n";

echo "-- sipXconfig failed while handling it (500): the call may be under way\n";
set_fault(['mode' => 'status', 'status' => 500, 'times' => 1]);
echo $call('202');
echo $call('202');

echo "-- nothing reached sipXconfig: the number is free at once\n";
echo $call('203', ['click2dial.server' => 'https://localhost:1']);
echo $call('203', ['click2dial.server' => 'https://localhost:1']);
$untrusted = ['click2dial.ca_file' => state_file('other-ca.pem')];
echo $call('204', $untrusted);
echo $call('204', $untrusted);
set_fault(['mode' => 'status', 'status' => 503, 'times' => 1]);
echo $call('205');
echo $call('205');
echo "calls placed: ", implode(', ', array_column(recorded_calls(), 'to')), "\n";

array_map('unlink', glob("$state/*"));
rmdir($state);
?>
--EXPECTF--
-- a slow PBX: the request was sent, the answer came too late
Click2Dial\PbxUnreachableException (0): sipXconfig at localhost:PORT did not answer within 300 ms (click2dial.timeout_ms): check that sipXconfig is running and reachable from this machine
Click2Dial\RateLimitedException (N): PBX account "206" called "201" less than 5 s ago: the first call is on its way (a second click places no second call); to call again, wait N s
requests sent: 1
-- sipXconfig failed while handling it (500): the call may be under way
Click2Dial\PbxRejectedException (500): sipXconfig at localhost:PORT failed on the call request (HTTP 500 Internal Server Error): try again later; if it persists, check sipXconfig's log
Click2Dial\RateLimitedException (N): PBX account "206" called "202" less than 5 s ago: the first call is on its way (a second click places no second call); to call again, wait N s
-- nothing reached sipXconfig: the number is free at once
Click2Dial\PbxUnreachableException (0): cannot reach sipXconfig at localhost:PORT: the connection was refused; check click2dial.server (host and port) and that sipXconfig is running
Click2Dial\PbxUnreachableException (0): cannot reach sipXconfig at localhost:PORT: the connection was refused; check click2dial.server (host and port) and that sipXconfig is running
Click2Dial\PbxUnreachableException (0): the certificate of localhost is not signed by the CA in click2dial.ca_file (%s/other-ca.pem): %s
Click2Dial\PbxUnreachableException (0): the certificate of localhost is not signed by the CA in click2dial.ca_file (%s/other-ca.pem): %s
Click2Dial\PbxRejectedException (503): sipXconfig at localhost:PORT failed on the call request (HTTP 503 Service Unavailable): try again later; if it persists, check sipXconfig's log
LogicException (0): placed
calls placed: sip:205@example.test
