--TEST--
A PBX that is down or does not answer is a PbxUnreachableException within the configured time-outs
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';

// Nothing listens on port 9 (discard) of loopback: the connection is refused at once.
$child = run_php('show_exception(fn() => Click2Dial\makeCall("207", "alice", "0000"));',
                 ['click2dial.server' => 'https://localhost:9']);
echo $child['out'], $child['err'];

// The PBX accepts the connection and never answers: the total time-out ends the wait.
set_fault(['mode' => 'blackhole']);
ini_set('click2dial.timeout_ms', '1000');
$started = hrtime(true);
show_exception(fn() => Click2Dial\makeCall('207', 'alice', '0000'));
$waited_ms = (hrtime(true) - $started) / 1e6;
// Generous bounds: the point is that the time-out applies, not how precisely.
var_dump($waited_ms >= 900 && $waited_ms < 4000);
clear_fault();

// The same worker calls again once the PBX is back.
ini_restore('click2dial.timeout_ms');
echo Click2Dial\makeCall('207', 'alice', '0000')['status'], "\n";

// A PBX that answers too slowly.
set_fault(['mode' => 'delay', 'ms' => 3000, 'times' => 1]);
ini_set('click2dial.timeout_ms', '500');
show_exception(fn() => Click2Dial\makeCall('207', 'alice', '0000'));
clear_fault();
ini_restore('click2dial.timeout_ms');

// A host name that does not resolve (.invalid never does, RFC 6761).
$child = run_php('show_exception(fn() => Click2Dial\makeCall("207", "alice", "0000"));',
                 ['click2dial.server' => 'https://pbx.invalid:8443']);
echo $child['out'], $child['err'];
?>
--EXPECTF--
Click2Dial\PbxUnreachableException (0): cannot reach sipXconfig at localhost:9: the connection was refused; check click2dial.server (host and port) and that sipXconfig is running
Click2Dial\PbxUnreachableException (0): sipXconfig at localhost:%d did not answer within 1000 ms (click2dial.timeout_ms): check that sipXconfig is running and reachable from this machine
bool(true)
200
Click2Dial\PbxUnreachableException (0): sipXconfig at localhost:%d did not answer within 500 ms (click2dial.timeout_ms): check that sipXconfig is running and reachable from this machine
Click2Dial\PbxUnreachableException (0): cannot resolve the host name pbx.invalid: check click2dial.server and this machine's DNS
