<?php
/*
 * The fault matrix (docs/reliability.md): every way the PBX can fail, met in turn by ONE PHP process (as
 * one web server worker would), each followed by a call that must go through once the fault is
 * gone.
 *
 * Faults come from two places: the emulator's own fault switch (a silent server, error
 * statuses) and the purpose-built servers of testing/faultservers/ (c2d-faultservers), which stand in
 * front of the emulator. In mode "none" they pass connections on to the emulator, so the worker
 * keeps one click2dial.server throughout and its next call is a real, recorded call.
 *
 * The elapsed time of each failing call is measured and must stay within the configured time-out
 * plus 10%: a bound on behaviour (no worker hangs past its time-out), not a benchmark. The
 * figures go to fault-matrix.txt in the run folder for docs/reliability.md.
 */

declare(strict_types=1);

/** The fault servers, started for this test; they stop when this process ends. */
final class FaultServers
{
    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes = [];
    public readonly int $port;
    public readonly int $control;
    public readonly int $trap;
    public readonly string $dir;

    /** @param list<string> $names extra host names for the good certificate */
    public function __construct(array $names = [])
    {
        $binary = dirname(c2d_env('C2D_EXTENSION')) . '/c2d-faultservers';
        if (!is_executable($binary)) {
            throw new LogicException("$binary is missing: cargo build --release -p faultservers");
        }
        $this->dir = dirname(c2d_env('C2D_STATE')) . '/faultservers-' . getmypid();
        @mkdir($this->dir, 0700, true);
        $command = [$binary, '--dir', $this->dir, '--upstream', '127.0.0.1:' . c2d_env('C2D_HTTP_PORT')];
        foreach ($names as $name) {
            array_push($command, '--name', $name);
        }
        $this->process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $this->pipes);
        $ports = json_decode((string) fgets($this->pipes[1]), true);
        if (!is_array($ports)) {
            throw new RuntimeException('c2d-faultservers did not start');
        }
        [$this->port, $this->control, $this->trap] = [$ports['port'], $ports['control'], $ports['trap']];
    }

    public function __destruct()
    {
        fclose($this->pipes[0]);
        fclose($this->pipes[1]);
        proc_close($this->process);
    }

    /** The settings a worker needs to talk to the emulator through these servers. */
    public function ini(string $host = 'localhost'): array
    {
        // Under valgrind (make valgrind) every step is many times slower, the time-outs too.
        $timeout_ms = (string) (2000 * max(1, (int) getenv('C2D_SLOWDOWN')));
        return [
            'click2dial.server' => "https://$host:{$this->port}",
            'click2dial.ca_file' => "{$this->dir}/ca.pem",
            'click2dial.timeout_ms' => $timeout_ms,
            'click2dial.connect_timeout_ms' => $timeout_ms,
        ];
    }

    public function control(): string
    {
        return "http://127.0.0.1:{$this->control}";
    }
}

/** Switches the fault servers at $control to $mode; returns their counters. */
function fault_mode(string $control, string $mode): array
{
    $context = stream_context_create(['http' => ['method' => 'PUT', 'ignore_errors' => true, 'timeout' => 10]]);
    $answer = file_get_contents("$control/mode/$mode", false, $context);
    $stats = json_decode((string) $answer, true);
    if (!is_array($stats) || ($stats['mode'] ?? null) !== $mode) {
        throw new RuntimeException("fault servers: mode $mode not set: $answer");
    }
    return $stats;
}

function fault_stats(string $control): array
{
    return json_decode((string) file_get_contents("$control/stats"), true);
}

/**
 * The matrix: each case sets its fault, then expects an exception class (and code), then
 * clears. Faults of the emulator go through the fault servers in mode "none".
 *
 * @return array<string, array{set: callable, clear: callable, class: string, code: int}>
 */
function fault_cases(string $control): array
{
    $servers = fn(string $mode) => fn() => fault_mode($control, $mode);
    $emulator = fn(array $fault) => fn() => set_fault($fault);
    $unreachable = 'Click2Dial\PbxUnreachableException';
    $rejected = 'Click2Dial\PbxRejectedException';
    $cases = [
        'connection refused' => [$servers('refused'), $unreachable, 0],
        'blackhole' => [$emulator(['mode' => 'blackhole']), $unreachable, 0],
        'headers dribbled' => [$servers('dribble'), $unreachable, 0],
        'reset mid-answer' => [$servers('reset'), $unreachable, 0],
        'HTTP 500' => [$emulator(['mode' => 'status', 'status' => 500]), $rejected, 500],
        'HTTP 502' => [$emulator(['mode' => 'status', 'status' => 502]), $rejected, 502],
        'HTTP 503' => [$emulator(['mode' => 'status', 'status' => 503]), $rejected, 503],
        '4 MiB body' => [$servers('huge'), $rejected, 503],
        'redirect elsewhere' => [$servers('redirect'), $rejected, 302],
        'untrusted CA' => [$servers('untrusted'), $unreachable, 0],
        'other host name' => [$servers('wrong-name'), $unreachable, 0],
        'expired certificate' => [$servers('expired'), $unreachable, 0],
        'TLS 1.0 only' => [$servers('tls10'), $unreachable, 0],
    ];
    $clear = function () use ($control) {
        clear_fault();
        fault_mode($control, 'none');
    };
    return array_map(fn($case) => [
        'set' => $case[0], 'clear' => $clear, 'class' => $case[1], 'code' => $case[2],
    ], $cases);
}

/**
 * Runs each case in this process: the failing call, its bound, then the next call. Prints one
 * line per case (stable across runs) and appends the measured figures to $figures.
 *
 * @param array<string, array{set: callable, clear: callable, class: string, code: int}> $cases
 */
function run_fault_cases(array $cases, string $figures, ?callable $verify = null): void
{
    $timeout_ms = (int) ini_get('click2dial.timeout_ms');
    $bound_ms = $timeout_ms * 1.1;
    $pid = getmypid();
    foreach ($cases as $name => $case) {
        ($case['set'])();
        $started = hrtime(true);
        $caught = null;
        try {
            Click2Dial\makeCall('207', 'alice', '0000');
        } catch (Throwable $e) {
            $caught = $e;
        }
        $elapsed_ms = (hrtime(true) - $started) / 1e6;
        $extra = $verify === null ? '' : $verify($name);
        ($case['clear'])();

        $before = count(recorded_calls());
        $next = Click2Dial\makeCall('207', 'alice', '0000')['status'];
        $recorded = count(recorded_calls()) - $before;

        $got = $caught === null ? 'no exception' : get_class($caught) . ' (' . $caught->getCode() . ')';
        $expected = $case['class'] . ' (' . $case['code'] . ')';
        printf("%s: %s%s; %s; next call %d, recorded %d, same worker %s%s\n",
            $name,
            $got === $expected ? 'as documented' : "got $got, expected $expected",
            $caught === null ? '' : ': ' . $caught->getMessage(),
            $elapsed_ms <= $bound_ms ? 'within time-out + 10%' : sprintf('TOO SLOW (%.0f ms > %.0f ms)', $elapsed_ms, $bound_ms),
            $next, $recorded, getmypid() === $pid ? 'yes' : 'no', $extra);
        file_put_contents($figures, sprintf("%s\t%s\t%.1f\t%d\t%s\n", $name, $got, $elapsed_ms,
            $timeout_ms, $next === 200 && $recorded === 1 ? 'ok' : 'FAILED'), FILE_APPEND);
    }
}

/** run_php() with this file loaded, under $wrapper (e.g. unshare). */
function run_php_wrapped(array $wrapper, string $code, array $ini): array
{
    return run_php($code, $ini, [__FILE__], $wrapper);
}

/** Where the figures of this run go (afresh for each test, which run-tests.php may repeat). */
function fault_figures_file(string $test): string
{
    return dirname(c2d_env('C2D_STATE')) . "/$test.txt";
}
