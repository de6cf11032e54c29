--TEST--
Loading the extension and a directory lookup start no thread and open no connection; the first call opens one connection and leaves no thread behind (its name lookup's thread has ended)
--SKIPIF--
<?php if (!is_dir('/proc/self/task')) die('skip needs /proc'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$code = <<<'PHP'
$threads = fn() => count(glob('/proc/self/task/*'));
// Open TCP connections: sockets of this process that the kernel lists as TCP.
$tcp = function () {
    $inodes = [];
    foreach (glob('/proc/self/fd/*') as $fd) {
        if (preg_match('/^socket:\[(\d+)\]$/', (string) @readlink($fd), $m)) {
            $inodes[$m[1]] = true;
        }
    }
    $count = 0;
    foreach (['/proc/net/tcp', '/proc/net/tcp6'] as $table) {
        foreach (array_slice(file($table) ?: [], 1) as $line) {
            $count += isset($inodes[preg_split('/\s+/', trim($line))[9] ?? '']) ? 1 : 0;
        }
    }
    return $count;
};
echo 'at start-up: ', $threads(), ' thread(s), ', $tcp(), " TCP connection(s)\n";
Click2Dial\getUsernr('alice');
echo 'after a directory lookup: ', $threads(), " thread(s)\n";
Click2Dial\makeCall('207', 'alice', '0000');
echo 'after a call: ', $threads(), ' thread(s), ', $tcp(), " TCP connection(s)\n";
PHP;
$child = run_php($code);
echo $child['out'], $child['err'];
?>
--EXPECT--
at start-up: 1 thread(s), 0 TCP connection(s)
after a directory lookup: 1 thread(s)
after a call: 1 thread(s), 1 TCP connection(s)
