--TEST--
Other refusals of the PBX are a PbxRejectedException whose code is the HTTP status
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
foreach ([503, 500, 404] as $status) {
    set_fault(['mode' => 'status', 'status' => $status, 'times' => 1]);
    $e = show_exception(fn() => Click2Dial\makeCall('207', 'alice', '0000'));
}
// The connection is closed without an answer.
set_fault(['mode' => 'drop', 'times' => 1]);
show_exception(fn() => Click2Dial\makeCall('207', 'alice', '0000'));
clear_fault();
// And the next call on the same worker goes through.
echo Click2Dial\makeCall('207', 'alice', '0000')['status'], "\n";
?>
--EXPECTF--
Click2Dial\PbxRejectedException (503): sipXconfig at localhost:%d failed on the call request (HTTP 503 Service Unavailable): try again later; if it persists, check sipXconfig's log
Click2Dial\PbxRejectedException (500): sipXconfig at localhost:%d failed on the call request (HTTP 500 Internal Server Error): try again later; if it persists, check sipXconfig's log
Click2Dial\PbxRejectedException (404): localhost:%d has no sipXconfig call service (HTTP 404 Not Found): check that click2dial.server points at sipXconfig (port 8443 on sipXecs 4.4, 443 on later versions)
Click2Dial\PbxUnreachableException (0): cannot reach sipXconfig at localhost:%d: %s; check click2dial.server (host and port) and that sipXconfig is running
200
