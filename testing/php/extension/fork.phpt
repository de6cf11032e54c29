--TEST--
A pcntl_fork child can call after its parent did, and the parent still can afterwards
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) die('skip pcntl is not available'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();
echo 'parent: ', Click2Dial\makeCall('201', 'alice', '0000')['status'], "\n";
$pid = pcntl_fork();
if ($pid === 0) {
    try {
        echo 'child: ', Click2Dial\makeCall('202', 'alice', '0000')['status'], "\n";
        echo 'child again: ', Click2Dial\makeCall('203', 'alice', '0000')['status'], "\n";
    } catch (Throwable $e) {
        echo 'child: ', get_class($e), ': ', $e->getMessage(), "\n";
    }
    exit(0);
}
pcntl_waitpid($pid, $status);
var_dump(pcntl_wexitstatus($status));
echo 'parent again: ', Click2Dial\makeCall('204', 'alice', '0000')['status'], "\n";
echo implode(' ', array_column(recorded_calls(), 'dialed')), "\n";
?>
--EXPECT--
parent: 200
child: 200
child again: 200
int(0)
parent again: 200
201 202 203 204
