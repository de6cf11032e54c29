--TEST--
click2dial.stub.php declares exactly what the extension provides
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$stub = dirname(__DIR__, 3) . '/click2dial.stub.php';
$describe = __DIR__ . '/../inc/describe-api.php';
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;

// The extension, as loaded for this suite.
require $describe;
$extension = describe_api();

// The stub, in a PHP without the extension (-n: no php.ini, so no extension= either).
$code = 'require ' . var_export($describe, true) . '; require ' . var_export($stub, true) . '; echo json_encode(describe_api());';
$from_stub = json_decode((string) shell_exec(escapeshellarg($php) . ' -n -r ' . escapeshellarg($code)), true);

var_dump(count($extension) > 10);
$missing = array_diff($extension, $from_stub ?? []);
$extra = array_diff($from_stub ?? [], $extension);
echo "in the extension, not in the stub:\n", implode("\n", $missing), "\n";
echo "in the stub, not in the extension:\n", implode("\n", $extra), "\n";
?>
--EXPECT--
bool(true)
in the extension, not in the stub:

in the stub, not in the extension:

