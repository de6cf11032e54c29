--TEST--
One process keeps one connection for all its calls and authenticates pre-emptively (one request a call)
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$code = <<<'PHP'
$connections = pbx_connections();
$requests = pbx_requests();
for ($i = 0; $i < 5; $i++) {
    Click2Dial\makeCall('207', 'alice', '0000');
}
// A refused call does not cost the connection either.
try { Click2Dial\makeCall('207', 'alice', 'wrong'); } catch (Click2Dial\AuthenticationException $e) {}
Click2Dial\makeCall('207', 'alice', '0000');
echo 'connections: ', pbx_connections() - $connections, "\n";
echo 'requests: ', pbx_requests() - $requests, "\n";
PHP;
// In a fresh process, so that no earlier test's connection is reused.
$child = run_php($code);
echo $child['out'], $child['err'];
?>
--EXPECT--
connections: 1
requests: 7
