--TEST--
Fault matrix: every fault gives its documented exception within the time-out (+10%), and the same worker calls again once it clears
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/faultservers.php';

$figures = fault_figures_file('fault-matrix');
@unlink($figures);
$servers = new FaultServers();
$code = sprintf('run_fault_cases(fault_cases(%s), %s);', var_export($servers->control(), true), var_export($figures, true));
$child = run_php_wrapped([], $code, $servers->ini());
echo $child['out'], $child['err'];
echo 'exit status: ', $child['status'], "\n";
// The redirect pointed at the trap: nothing, and so no credentials, ever went there.
echo 'visits to the redirect target: ', fault_stats($servers->control())['trap_visits'], "\n";
?>
--EXPECTF--
connection refused: as documented: cannot reach sipXconfig at localhost:%d: the connection was refused; check click2dial.server (host and port) and that sipXconfig is running; within time-out + 10%; next call 200, recorded 1, same worker yes
blackhole: as documented: sipXconfig at localhost:%d did not answer within %d ms (click2dial.timeout_ms): check that sipXconfig is running and reachable from this machine; within time-out + 10%; next call 200, recorded 1, same worker yes
headers dribbled: as documented: sipXconfig at localhost:%d did not answer within %d ms (click2dial.timeout_ms): check that sipXconfig is running and reachable from this machine; within time-out + 10%; next call 200, recorded 1, same worker yes
reset mid-answer: as documented: cannot reach sipXconfig at localhost:%d: the connection was reset; check click2dial.server (host and port) and that sipXconfig is running; within time-out + 10%; next call 200, recorded 1, same worker yes
HTTP 500: as documented: sipXconfig at localhost:%d failed on the call request (HTTP 500 Internal Server Error): try again later; if it persists, check sipXconfig's log; within time-out + 10%; next call 200, recorded 1, same worker yes
HTTP 502: as documented: sipXconfig at localhost:%d failed on the call request (HTTP 502 Bad Gateway): try again later; if it persists, check sipXconfig's log; within time-out + 10%; next call 200, recorded 1, same worker yes
HTTP 503: as documented: sipXconfig at localhost:%d failed on the call request (HTTP 503 Service Unavailable): try again later; if it persists, check sipXconfig's log; within time-out + 10%; next call 200, recorded 1, same worker yes
4 MiB body: as documented: sipXconfig at localhost:%d failed on the call request (HTTP 503 Service Unavailable): try again later; if it persists, check sipXconfig's log; within time-out + 10%; next call 200, recorded 1, same worker yes
redirect elsewhere: as documented: sipXconfig at localhost:%d redirected the call request to "https://127.0.0.1:%d/sipxconfig/rest/%s" (HTTP 302 Found); redirects are not followed, so that credentials go nowhere else: set click2dial.server to the address sipXconfig answers on; within time-out + 10%; next call 200, recorded 1, same worker yes
untrusted CA: as documented: the certificate of localhost is not signed by the CA in click2dial.ca_file (%s/ca.pem): set click2dial.ca_file to the CA of this sipXecs, published at https://localhost/authorities/; within time-out + 10%; next call 200, recorded 1, same worker yes
other host name: as documented: the certificate of localhost is not valid for the name localhost (it names DnsName("elsewhere.test")): set click2dial.server to one of those names (sipXecs' fully qualified domain name); within time-out + 10%; next call 200, recorded 1, same worker yes
expired certificate: as documented: the certificate of localhost has expired: renew sipXecs' web certificate, or check this machine's clock; within time-out + 10%; next call 200, recorded 1, same worker yes
TLS 1.0 only: as documented: the TLS handshake with localhost failed (received fatal alert: ProtocolVersion); within time-out + 10%; next call 200, recorded 1, same worker yes
exit status: 0
visits to the redirect target: 0
