<?php
/*
 * A redis-server of the test's own for the shared-state phpt tests: on a Unix socket in the
 * suite's run folder, without persistence (or with an AOF when $persist), stopped with stop().
 * Place next to harness.php (testing/php/inc/redis.php).
 */

declare(strict_types=1);

function redis_binary(): ?string
{
    foreach (array_merge(explode(':', getenv('PATH') ?: ''), ['/usr/bin', '/usr/sbin']) as $dir) {
        if ($dir !== '' && is_executable("$dir/redis-server")) {
            return "$dir/redis-server";
        }
    }
    return null;
}

final class TestRedis
{
    public string $dir;
    private $process = null;

    public function __construct(private bool $persist = false)
    {
        $this->dir = dirname(state_file('x'), 2) . '/redis-' . getmypid() . '-' . bin2hex(random_bytes(3));
        mkdir($this->dir, 0700, true);
        $this->start();
    }

    public function url(): string
    {
        return 'unix://' . $this->dir . '/redis.sock';
    }

    public function start(): void
    {
        @unlink("$this->dir/log");
        $args = [redis_binary(), '--daemonize', 'no', '--port', '0', '--save', '',
                 '--unixsocket', "$this->dir/redis.sock", '--unixsocketperm', '700',
                 '--dir', $this->dir, '--logfile', "$this->dir/log",
                 '--appendonly', $this->persist ? 'yes' : 'no', '--appendfsync', 'always'];
        $this->process = proc_open($args, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        for ($i = 0; $i < 3000; $i++) { // a start-up wait, not an assertion
            if (stripos((string) @file_get_contents("$this->dir/log"), 'ready to accept connections') !== false) {
                return;
            }
            usleep(10000);
        }
        throw new RuntimeException("redis-server did not start:\n" . @file_get_contents("$this->dir/log"));
    }

    /** Sends one command over the socket; the reply's bulk text, its status or number, or null. */
    public function command(array $args): ?string
    {
        $socket = stream_socket_client('unix://' . $this->dir . '/redis.sock', $errno, $error, 5);
        if ($socket === false) {
            throw new RuntimeException("redis: $error");
        }
        $out = '*' . count($args) . "\r\n";
        foreach ($args as $arg) {
            $out .= '$' . strlen($arg) . "\r\n$arg\r\n";
        }
        fwrite($socket, $out);
        $line = rtrim((string) fgets($socket), "\r\n");
        $reply = match ($line[0] ?? '') {
            '$' => (int) substr($line, 1) < 0 ? null : stream_get_contents($socket, (int) substr($line, 1)),
            '+', ':' => substr($line, 1),
            default => null,
        };
        fclose($socket);
        return $reply;
    }

    public function stop(): void
    {
        if ($this->process !== null) {
            proc_terminate($this->process, 15);
            proc_close($this->process);
            $this->process = null;
        }
    }

    public function __destruct()
    {
        $this->stop();
        foreach (glob("$this->dir/{,.}*", GLOB_BRACE) ?: [] as $file) {
            if (is_file($file)) { unlink($file); }
        }
        foreach (glob("$this->dir/*", GLOB_ONLYDIR) ?: [] as $sub) {
            array_map('unlink', glob("$sub/*") ?: []);
            rmdir($sub);
        }
        @rmdir($this->dir);
    }
}
