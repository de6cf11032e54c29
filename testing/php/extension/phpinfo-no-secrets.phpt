--TEST--
php --ri click2dial shows the settings and the directory's size, and no secret
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$pin = 'S3cr3t-PIN-4711';
// A password wrongly written into the server URL must not be shown either, whatever characters
// it holds: `/`, `#` and `?` end the authority for a URL parser, which would show the rest.
$code = <<<'PHP'
foreach ([fn() => Click2Dial\makeCall('207', 'alice', getenv('C2D_PIN')),
          fn() => Click2Dial\makeCall('12#3', 'alice', getenv('C2D_PIN'))] as $call) {
    try { $call(); } catch (Throwable $e) { echo $e, "\n"; }
}
phpinfo(INFO_MODULES);
PHP;
putenv("C2D_PIN=$pin");
$child = run_php($code, ['click2dial.server' => 'https://206:url-pass/08#15?x@localhost:9',
                         'click2dial.rate_limit' => '6', 'click2dial.duplicate_window_ms' => '5000']);
$seen = $child['out'] . $child['err'];
$key = substr(trim(file_get_contents(dirname(state_file('x'), 2) . '/keys')), 9);
var_dump(str_contains($seen, $pin), str_contains($seen, 'url-pass') || str_contains($seen, '08#15'), str_contains($seen, $key));
preg_match('/^click2dial\n\n(.*?)\n\n/ms', $seen, $table);
$run = dirname(state_file('x'), 2) . '/';
echo preg_replace(['#\S*/testing/php/#', '/first: [0-9a-f]{8}/'], ['TESTS/', 'first: KEYID'], str_replace([state_file(''), $run], ['STATE/', 'RUN/'], $table[1] ?? $seen)), "\n";

// The suite's own settings, as php --ri shows them.
$ri = shell_exec(escapeshellarg(getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY) . ' ' . getenv('TEST_PHP_EXTRA_ARGS') . ' --ri click2dial');
echo preg_replace(['/localhost:\d+/', '#\S*/testing/php/#', '/=> \d+\.\d+\.\d+/', '/first: [0-9a-f]{8}/'], ['localhost:PORT', 'TESTS/', '=> VERSION', 'first: KEYID'], str_replace($run, 'RUN/', $ri));
?>
--EXPECT--
bool(false)
bool(false)
bool(false)
click2dial support => enabled
Version => 0.1.0
Server (click2dial.server) => https://…@localhost:9
Server problem => click2dial.server "https://…@localhost:9" contains a user name or password: remove it; each user's own credentials are sent in the Authorization header
PBX (click2dial.pbx) => sipxconfig
CA file (click2dial.ca_file) => STATE/ca.pem
Directory (click2dial.directory) => TESTS/fixtures/directory.csv (3 entries)
Dial plan (click2dial.dialplan) => (not set: numbers are only cleaned)
Credentials (click2dial.credentials) => stored
Key file (click2dial.key_file) => RUN/keys (key ids, newest first: KEYID)
Credential store (click2dial.credential_dir) => RUN/credentials
Call limits => 6 calls a minute, the same number refused again for 5000 ms, failed sign-ins not limited (PINs open to guessing) (kept in a private folder in the system's temporary folder)
Connect timeout (click2dial.connect_timeout_ms) => 2000 ms
Timeout (click2dial.timeout_ms) => 5000 ms
Plain http allowed (click2dial.allow_http) => no

click2dial

click2dial support => enabled
Version => VERSION
Server (click2dial.server) => https://localhost:PORT
PBX (click2dial.pbx) => sipxconfig
CA file (click2dial.ca_file) => RUN/pbx/ca.pem
Directory (click2dial.directory) => TESTS/fixtures/directory.csv (3 entries)
Dial plan (click2dial.dialplan) => (not set: numbers are only cleaned)
Credentials (click2dial.credentials) => stored
Key file (click2dial.key_file) => RUN/keys (key ids, newest first: KEYID)
Credential store (click2dial.credential_dir) => RUN/credentials
Call limits => no limit a minute, the same number may be called again at once, failed sign-ins not limited (PINs open to guessing) (kept in a private folder in the system's temporary folder)
Connect timeout (click2dial.connect_timeout_ms) => 2000 ms
Timeout (click2dial.timeout_ms) => 5000 ms
Plain http allowed (click2dial.allow_http) => no
