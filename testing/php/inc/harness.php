<?php
/*
 * Helpers for the phpt tests: talk to the sipXconfig emulator's control API, and run PHP code in
 * a child process with other system-level INI settings (those cannot be changed with ini_set()).
 *
 * testing/scripts/run-php-tests starts the emulator and exports C2D_STATE (its state folder: ca.pem,
 * other-ca.pem, calls.jsonl), C2D_CONTROL (its control URL), C2D_HTTPS_PORT and C2D_HTTP_PORT.
 */

declare(strict_types=1);

function c2d_env(string $name): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        throw new LogicException("$name is not set: run the tests with testing/scripts/run-php-tests");
    }
    return $value;
}

/** Calls the emulator's control API and returns the decoded JSON answer (or the raw text). */
function emulator(string $method, string $path, ?array $body = null): mixed
{
    $context = stream_context_create(['http' => [
        'method' => $method,
        'header' => "Content-Type: application/json\r\n",
        'content' => $body === null ? '' : json_encode($body),
        'ignore_errors' => true,
        'timeout' => 10,
    ]]);
    $answer = file_get_contents(c2d_env('C2D_CONTROL') . $path, false, $context);
    if ($answer === false) {
        throw new RuntimeException("emulator control $method $path failed");
    }
    $decoded = json_decode($answer, true);
    return $decoded ?? $answer;
}

/** The calls the emulator accepted, oldest first. */
function recorded_calls(): array
{
    return emulator('GET', '/calls');
}

function clear_calls(): void
{
    emulator('DELETE', '/calls');
}

/** Sets an emulator fault (['mode' => 'delay', 'ms' => 3000], ['mode' => 'status', 'status' => 503], ...). */
function set_fault(array $fault): void
{
    emulator('PUT', '/fault', $fault);
}

function clear_fault(): void
{
    emulator('DELETE', '/fault');
}

/**
 * How the emulator's next calls go after they are accepted (['ring_ms' => 2000, 'answer' => true,
 * 'talk_ms' => 5000, 'times' => 1]); see testing/emulators/sipxconfig/README.md.
 */
function set_life(array $life): void
{
    emulator('PUT', '/life', $life);
}

function clear_life(): void
{
    emulator('DELETE', '/life');
}

/**
 * Follows a placed call until its state is final (or $limitMs passes): the states seen, each
 * once, in order.
 */
function follow_call(array $call, string $login, ?string $password, int $limitMs = 20000): array
{
    $seen = [];
    $deadline = hrtime(true) + $limitMs * 1000000;
    while (hrtime(true) < $deadline) {
        $call['state'] = Click2Dial\callProgress($call, Click2Dial\activeCalls($login, $password));
        if (end($seen) !== $call['state']) {
            $seen[] = $call['state'];
        }
        if ($call['state'] === 'ended' || $call['state'] === 'not_answered') {
            break;
        }
        usleep(100000);
    }
    return $seen;
}

/** The https base URL of the emulator under another host name (e.g. 127.0.0.1). */
function emulator_url(string $host = 'localhost', string $scheme = 'https'): string
{
    $port = $scheme === 'https' ? c2d_env('C2D_HTTPS_PORT') : c2d_env('C2D_HTTP_PORT');
    return "$scheme://$host:$port";
}

function state_file(string $name): string
{
    return c2d_env('C2D_STATE') . '/' . $name;
}

/**
 * Runs $code in a new PHP process with the extension and the suite's settings, overridden by
 * $ini; the process first requires this file and then each of $requires. $wrapper is a command
 * the PHP command runs under (e.g. unshare). Returns ['out' => stdout, 'err' => stderr,
 * 'status' => exit status].
 */
function run_php(string $code, array $ini = [], array $requires = [], array $wrapper = []): array
{
    $args = $wrapper;
    $args[] = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
    foreach (array_merge(suite_ini(), $ini) as $name => $value) {
        $args[] = '-d';
        $args[] = "$name=$value";
    }
    $prelude = '';
    foreach (array_merge([__FILE__], $requires) as $file) {
        $prelude .= 'require_once ' . var_export($file, true) . ";\n";
    }
    $args[] = '-r';
    $args[] = $prelude . $code;
    $process = proc_open($args, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    return ['out' => $out, 'err' => $err, 'status' => proc_close($process)];
}

/** The -d settings the suite runs with (from run-tests.php's TEST_PHP_EXTRA_ARGS). */
function suite_ini(): array
{
    $settings = [];
    preg_match_all('/-d\s*"?([^=\s"]+)=([^"\s]*)"?/', getenv('TEST_PHP_EXTRA_ARGS') ?: '', $matches, PREG_SET_ORDER);
    foreach ($matches as [, $name, $value]) {
        $settings[$name] = $value;
    }
    return $settings;
}

/** Calls $fn and prints the class and message of what it throws (or "no exception"). */
function show_exception(callable $fn): ?Throwable
{
    try {
        $fn();
        echo "no exception\n";
        return null;
    } catch (Throwable $e) {
        echo get_class($e), ' (', $e->getCode(), '): ', $e->getMessage(), "\n";
        return $e;
    }
}

/** How many requests the emulator's PBX listeners have received so far. */
function pbx_requests(): int
{
    return emulator('GET', '/stats')['requests'];
}

/** How many connections the emulator's PBX listeners have accepted so far. */
function pbx_connections(): int
{
    return emulator('GET', '/stats')['connections'];
}
