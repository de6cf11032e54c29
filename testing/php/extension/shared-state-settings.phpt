--TEST--
Shared state settings: system-level only, a password in the URL is refused and shown nowhere, the password file's path (never its content) in php --ri, a wrong password is a ConfigurationException without it
--SKIPIF--
<?php
require __DIR__ . '/../inc/redis.php';
if (redis_binary() === null) { die('skip redis-server is not installed (scripts/install-deps installs it)'); }
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/redis.php';
var_dump(ini_set('click2dial.shared_state', 'redis://127.0.0.1:1/0'));
var_dump(ini_set('click2dial.shared_state_password_file', '/tmp/x'));
$redis = new TestRedis();
$password = 'Pa55-' . bin2hex(random_bytes(6));
$file = $redis->dir . '/password';
file_put_contents($file, "wrong-$password\n");
chmod($file, 0600);
$code = 'try { Click2Dial\makeCall("207", "alice", "0000"); echo "placed\n"; } catch (Click2Dial\Exception $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
phpinfo(INFO_MODULES);';
$cases = [
    'in the URL' => ['click2dial.shared_state' => "redis://:$password@127.0.0.1:6379/0"],
    'wrong file' => ['click2dial.shared_state' => $redis->url(), 'click2dial.shared_state_password_file' => $file],
];
foreach ($cases as $name => $ini) {
    $child = run_php($code, $ini + ['click2dial.rate_limit' => '6']);
    $seen = $child['out'] . $child['err'];
    echo "$name: password shown: ", var_export(str_contains($seen, $password), true), "\n";
    echo str_replace([$redis->url(), $file], ['URL', 'FILE'], strtok($seen, "\n")), "\n";
    preg_match('/^Shared state \(click2dial.shared_state\) => .*$/m', $seen, $row);
    echo str_replace([$redis->url(), $file], ['URL', 'FILE'], $row[0] ?? '(no row)'), "\n";
}
?>
--EXPECT--
bool(false)
bool(false)
in the URL: password shown: false
Click2Dial\ConfigurationException: click2dial.shared_state "redis://…@127.0.0.1:6379/0" contains a user name or password: remove it and put the password in a file named by click2dial.shared_state_password_file
Shared state (click2dial.shared_state) => redis://…@127.0.0.1:6379/0; error: click2dial.shared_state "redis://…@127.0.0.1:6379/0" contains a user name or password: remove it and put the password in a file named by click2dial.shared_state_password_file
wrong file: password shown: false
Click2Dial\ConfigurationException: Redis at click2dial.shared_state "URL" asks for no password (it has no requirepass) but click2dial.shared_state_password_file FILE names one, so the call limits and call records cannot be kept and nothing is sent to the PBX: set requirepass in Redis, or empty the setting
Shared state (click2dial.shared_state) => URL; password from FILE (click2dial.shared_state_password_file)
