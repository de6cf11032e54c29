<?php
/*
 * An nginx of the test's own in front of php-fpm pools (as testing/scripts/reliability runs it,
 * but on Unix sockets, so that no port is shared with other runs): one upstream of the pools'
 * sockets, round-robin, serving one PHP page; and a small HTTP client for its socket.
 */

declare(strict_types=1);

function nginx_binary(): ?string
{
    foreach (array_merge(explode(':', getenv('PATH') ?: ''), ['/usr/sbin', '/usr/bin']) as $dir) {
        if ($dir !== '' && is_executable("$dir/nginx")) {
            return "$dir/nginx";
        }
    }
    return null;
}

/**
 * Starts nginx on $dir/nginx.sock, passing $page to the php-fpm sockets $upstreams in turn;
 * returns [process, socket path]. Stop it with fpm_stop() (the same proc_terminate).
 */
function nginx_start(string $dir, array $upstreams, string $page): array
{
    $socket = "$dir/nginx.sock";
    $servers = implode('', array_map(fn(string $s) => "    server unix:$s;\n", $upstreams));
    // As root, nginx's workers would drop to nobody, who may not open the pools' sockets.
    $user = function_exists('posix_getuid') && posix_getuid() === 0 ? "user root root;\n" : '';
    file_put_contents("$dir/nginx.conf", <<<CONF
        {$user}worker_processes 1;
        pid $dir/nginx.pid;
        error_log $dir/nginx-error.log;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path $dir/tmp-body;
          fastcgi_temp_path $dir/tmp-fastcgi;
          proxy_temp_path $dir/tmp-proxy;
          uwsgi_temp_path $dir/tmp-uwsgi;
          scgi_temp_path $dir/tmp-scgi;
          upstream web_servers {
        $servers  }
          server {
            listen unix:$socket;
            location / {
              fastcgi_pass web_servers;
              fastcgi_next_upstream off;
              fastcgi_param GATEWAY_INTERFACE CGI/1.1;
              fastcgi_param REQUEST_METHOD \$request_method;
              fastcgi_param SCRIPT_FILENAME $page;
              fastcgi_param SCRIPT_NAME /page.php;
              fastcgi_param QUERY_STRING \$query_string;
              fastcgi_param SERVER_PROTOCOL \$server_protocol;
              fastcgi_param REMOTE_ADDR 127.0.0.1;
            }
          }
        }
        CONF);
    $args = [nginx_binary(), '-p', $dir, '-e', "$dir/nginx-error.log", '-c', "$dir/nginx.conf", '-g', 'daemon off;'];
    $process = proc_open($args, [1 => ['file', "$dir/nginx.out", 'a'], 2 => ['file', "$dir/nginx.out", 'a']], $pipes);
    for ($i = 0; $i < 200 && !file_exists($socket); $i++) { // a start-up wait, not an assertion
        usleep(25000);
    }
    if (!file_exists($socket)) {
        throw new RuntimeException("nginx did not start:\n" . @file_get_contents("$dir/nginx.out") . @file_get_contents("$dir/nginx-error.log"));
    }
    return [$process, $socket];
}

/** Sends GET $path to the nginx socket; returns the open connection (read it with http_receive). */
function http_send(string $socket, string $path)
{
    $connection = stream_socket_client("unix://$socket", $errno, $errstr, 5);
    if ($connection === false) {
        throw new RuntimeException("cannot connect to nginx at $socket: $errstr");
    }
    fwrite($connection, "GET $path HTTP/1.0\r\nHost: localhost\r\n\r\n");
    return $connection;
}

/** The body of the answer on a connection of http_send (HTTP/1.0: nginx closes it at the end). */
function http_receive($connection): string
{
    stream_set_timeout($connection, 20);
    $answer = stream_get_contents($connection);
    fclose($connection);
    $parts = explode("\r\n\r\n", (string) $answer, 2);
    return $parts[1] ?? (string) $answer;
}
