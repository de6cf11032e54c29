<?php
/*
 * The clicktocall emulator (testing/emulators/clicktocall) for the phpt tests of
 * click2dial.pbx = clicktocall: started by the test itself on ports the system picks (port 0,
 * read back from its listen.json, so suites running in parallel never collide), stopped when the
 * test ends. The binary must be built (make build, or cargo build --release -p
 * clicktocall-emulator).
 */

declare(strict_types=1);

/** The repository's root: the first folder above this file that holds Cargo.lock. */
function c2c_root(): string
{
    $dir = __DIR__;
    while (!is_file("$dir/Cargo.lock")) {
        $parent = dirname($dir);
        if ($parent === $dir) {
            throw new LogicException('no Cargo.lock above ' . __DIR__);
        }
        $dir = $parent;
    }
    return $dir;
}

/**
 * Starts the emulator with the reference page's numbering (2xxx answer, 1001/1002 answer at once,
 * 3xxx busy, 4xxx ring for ever, 9xxx no rule, "bad" an invalid URI) at $timeScale, with
 * HttpAuth when $password is given. Returns ['http' => port, 'xml' => port, 'control' => URL].
 */
function clicktocall_start(float $timeScale = 0.001, ?string $password = null): array
{
    $dir = sys_get_temp_dir() . '/c2c-phpt-' . getmypid() . '-' . bin2hex(random_bytes(4));
    mkdir($dir, 0700, true);
    $config = "hostname = \"vm\"\ntime_scale = $timeScale\n";
    if ($password !== null) {
        $config .= "http_auth = true\nhttp_auth_pwd = \"$password\"\n";
    }
    foreach (['^bad$' => 'sip:%zz@127.0.0.1', '^([0-8][0-9]*)$' => 'sip:$1@127.0.0.1:57421'] as $pattern => $output) {
        $config .= "[[translation]]\npattern = \"$pattern\"\noutput = \"$output\"\n";
    }
    foreach (['^sip:100[0-9]@' => 'answer_at_once', '^sip:3' => 'busy', '^sip:4' => 'no_answer'] as $pattern => $behaviour) {
        $config .= "[[phone]]\npattern = \"$pattern\"\nbehaviour = \"$behaviour\"\n";
    }
    file_put_contents("$dir/clicktocall.toml", $config);
    $binary = getenv('CLICKTOCALL_EMULATOR') ?: c2c_root() . '/target/release/clicktocall-emulator';
    $process = proc_open([$binary, '--config', "$dir/clicktocall.toml", '--state-dir', "$dir/state",
        '--http', '127.0.0.1:0', '--xml', '127.0.0.1:0', '--control', '127.0.0.1:0', '--quiet'],
        [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', "$dir/stderr", 'w']], $pipes);
    register_shutdown_function(function () use ($process, $dir) {
        proc_terminate($process);
        proc_close($process);
        exec('rm -rf ' . escapeshellarg($dir));
    });
    for ($i = 0; !is_file("$dir/state/ready"); $i++) {
        if ($i > 2000 || !proc_get_status($process)['running']) {
            throw new RuntimeException('the clicktocall emulator did not start: ' . @file_get_contents("$dir/stderr"));
        }
        usleep(10000);
    }
    $listen = json_decode(file_get_contents("$dir/state/listen.json"), true);
    $port = fn (string $address) => (int) substr($address, strrpos($address, ':') + 1);
    return ['http' => $port($listen['http']), 'xml' => $port($listen['xml']), 'control' => 'http://' . $listen['control']];
}

/** A request to the emulator's control API, decoded. */
function clicktocall_control(array $emulator, string $method, string $path, ?array $body = null): mixed
{
    $context = stream_context_create(['http' => ['method' => $method, 'header' => "Content-Type: application/json\r\n", 'content' => $body === null ? '' : json_encode($body),
        'ignore_errors' => true, 'timeout' => 10]]);
    return json_decode((string) file_get_contents($emulator['control'] . $path, false, $context), true);
}

/** The INI settings of a site on $emulator (through XML when $xml), on top of the suite's. */
function clicktocall_ini(array $emulator, bool $xml, array $more = []): array
{
    static $state = null;
    if ($state === null) {
        $state = sys_get_temp_dir() . '/c2c-phpt-state-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($state, 0700);
        register_shutdown_function(fn () => exec('rm -rf ' . escapeshellarg($state)));
    }
    return $more + [
        'click2dial.pbx' => 'clicktocall',
        'click2dial.server' => 'http://127.0.0.1:' . $emulator['http'],
        'click2dial.allow_http' => '1',
        'click2dial.clicktocall_xml' => $xml ? '127.0.0.1:' . $emulator['xml'] : '',
        'click2dial.clicktocall_initiator' => '{extension}',
        'click2dial.directory' => '',
        'click2dial.state_dir' => $state,
        'click2dial.rate_limit' => '0',
        'click2dial.duplicate_window_ms' => '0',
    ];
}

/**
 * Follows a call with callStatus() until it stops changing by itself (or $limitMs passes) and
 * returns the last status.
 */
function follow_status(array $call, int $limitMs = 20000): array
{
    $until = microtime(true) + $limitMs / 1000;
    do {
        $status = Click2Dial\callStatus($call);
        if (!in_array($status['state'], ['requested', 'ringing', 'connected', 'calling'], true)) {
            return $status;
        }
        usleep(20000);
    } while (microtime(true) < $until);
    return $status;
}

/** "state/leg/code -> ..." of a status's history. */
function history_line(array $status): string
{
    return implode(' -> ', array_map(
        fn ($s) => $s['state'] . ($s['leg'] ? '/' . $s['leg'] : '') . ($s['code'] ? ' ' . $s['code'] : ''),
        $status['history']
    ));
}
