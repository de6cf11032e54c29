<?php
/*
 * A minimal FastCGI client (the protocol php-fpm speaks), enough to run a PHP page in php-fpm
 * workers from a test without a web server. Requests are sent on separate connections so that
 * several can be in flight at once.
 */

declare(strict_types=1);

const FCGI_BEGIN_REQUEST = 1;
const FCGI_END_REQUEST = 3;
const FCGI_PARAMS = 4;
const FCGI_STDIN = 5;
const FCGI_STDOUT = 6;
const FCGI_STDERR = 7;
const FCGI_RESPONDER = 1;

function fcgi_record(int $type, string $content, int $id = 1): string
{
    return pack('CCnnCx', 1, $type, $id, strlen($content), 0) . $content;
}

function fcgi_params(array $params): string
{
    $encoded = '';
    foreach ($params as $name => $value) {
        foreach ([strlen((string) $name), strlen((string) $value)] as $length) {
            $encoded .= $length < 128 ? chr($length) : pack('N', $length | 0x80000000);
        }
        $encoded .= $name . $value;
    }
    return $encoded;
}

/** Sends a GET for $script with $query to the php-fpm socket; returns the open connection. */
function fcgi_send(string $socket, string $script, string $query = '')
{
    $connection = stream_socket_client("unix://$socket", $errno, $errstr, 5);
    if ($connection === false) {
        throw new RuntimeException("cannot connect to php-fpm at $socket: $errstr");
    }
    $params = fcgi_params([
        'GATEWAY_INTERFACE' => 'CGI/1.1',
        'REQUEST_METHOD' => 'GET',
        'SCRIPT_FILENAME' => $script,
        'SCRIPT_NAME' => '/' . basename($script),
        'QUERY_STRING' => $query,
        'REQUEST_URI' => '/' . basename($script) . '?' . $query,
        'SERVER_PROTOCOL' => 'HTTP/1.1',
        'SERVER_NAME' => 'localhost',
        'REMOTE_ADDR' => '127.0.0.1',
    ]);
    fwrite($connection, fcgi_record(FCGI_BEGIN_REQUEST, pack('nCx5', FCGI_RESPONDER, 0))
        . fcgi_record(FCGI_PARAMS, $params) . fcgi_record(FCGI_PARAMS, '')
        . fcgi_record(FCGI_STDIN, ''));
    return $connection;
}

/** Reads the answer of a request sent with fcgi_send: the body without the CGI headers. */
function fcgi_receive($connection): string
{
    stream_set_timeout($connection, 20);
    $stdout = '';
    while (($header = fread($connection, 8)) !== false && strlen($header) === 8) {
        $record = unpack('Cversion/Ctype/nid/nlength/Cpadding', $header);
        $content = $record['length'] > 0 ? stream_get_contents($connection, $record['length']) : '';
        if ($record['padding'] > 0) {
            fread($connection, $record['padding']);
        }
        if ($record['type'] === FCGI_STDOUT) {
            $stdout .= $content;
        } elseif ($record['type'] === FCGI_END_REQUEST) {
            break;
        }
    }
    fclose($connection);
    $parts = explode("\r\n\r\n", $stdout, 2);
    return $parts[1] ?? $stdout;
}

/**
 * Starts php-fpm with $workers static workers, the extension and the suite's settings,
 * overridden by $ini; returns [process, socket path]. Stop it with fpm_stop().
 */
function fpm_start(int $workers, int $max_requests, string $dir, array $ini = []): array
{
    $socket = "$dir/fpm.sock";
    $user = function_exists('posix_getuid') && posix_getuid() === 0 ? "user = root\ngroup = root\n" : '';
    file_put_contents("$dir/fpm.conf", "[global]\nerror_log = $dir/fpm.log\ndaemonize = no\n"
        . "[click2dial]\n{$user}listen = $socket\npm = static\npm.max_children = $workers\n"
        . "pm.max_requests = $max_requests\ncatch_workers_output = yes\nclear_env = no\n");
    $fpm = trim((string) shell_exec('command -v php-fpm8.2 || command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null | head -n 1'));
    $args = [$fpm, '-n', '-R', '-F', '-y', "$dir/fpm.conf"];
    foreach (array_merge(suite_ini(), $ini) as $name => $value) {
        array_push($args, '-d', "$name=$value");
    }
    $process = proc_open($args, [1 => ['file', "$dir/fpm.out", 'a'], 2 => ['file', "$dir/fpm.out", 'a']], $pipes);
    for ($i = 0; $i < 200 && !file_exists($socket); $i++) {
        usleep(25000);
    }
    if (!file_exists($socket)) {
        throw new RuntimeException("php-fpm did not start:\n" . @file_get_contents("$dir/fpm.out") . @file_get_contents("$dir/fpm.log"));
    }
    return [$process, $socket];
}

function fpm_stop($process): void
{
    proc_terminate($process);
    proc_close($process);
}
