--TEST--
makeCall() with click2dial.pbx = clicktocall: accepted through HTTP and XML with the translated addresses, no PIN asked; each refusal, auth on and off, the password file's mode, plain http only with allow_http
--EXTENSIONS--
click2dial
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/clicktocall.php';

$inc = [__DIR__ . '/../inc/clicktocall.php'];
$show = <<<'PHP'
    try {
        $call = Click2Dial\makeCall($argv_to, $argv_from);
        printf("%s %d %s %s %s\n", $call['pbx'], $call['status'], $call['translated_initiator'] ?? 'null',
            $call['translated_destination'] ?? 'null', strlen($call['call_id']) === 32 ? 'id' : 'no id');
    } catch (Throwable $e) {
        echo get_class($e), ' (', $e->getCode(), '): ', $e->getMessage(), "\n";
    }
PHP;
$call = fn (array $ini, string $to, string $from) => print(run_php(
    '$argv_to = ' . var_export($to, true) . '; $argv_from = ' . var_export($from, true) . ';' . $show,
    $ini, $inc)['out']);

$open = clicktocall_start();
echo "-- HTTP, XML (no PIN given, none stored: the server trusts the site)\n";
$call(clicktocall_ini($open, false), '2102', '2101');
$call(clicktocall_ini($open, true), '2104', '2103');
echo "-- refusals, in the server's words\n";
foreach ([false, true] as $xml) {
    $call(clicktocall_ini($open, $xml), '2111', '9001');
}
echo "-- plain http without allow_http\n";
$call(clicktocall_ini($open, false, ['click2dial.allow_http' => '0']), '2121', '2120');
echo count(clicktocall_control($open, 'GET', '/calls')), " calls placed\n";

$locked = clicktocall_start(0.001, 'pa:ss');
$dir = sys_get_temp_dir() . '/c2c-pwd-' . getmypid();
@mkdir($dir, 0700);
file_put_contents("$dir/right", "pa:ss\n");
file_put_contents("$dir/wrong", "nope\n");
file_put_contents("$dir/open", "pa:ss\n");
chmod("$dir/right", 0640);
chmod("$dir/wrong", 0600);
chmod("$dir/open", 0644);
echo "-- auth on: none, wrong, right, readable by everyone; XML needs none\n";
$call(clicktocall_ini($locked, false), '2131', '2130');
$call(clicktocall_ini($locked, false, ['click2dial.clicktocall_password_file' => "$dir/wrong"]), '2131', '2130');
$call(clicktocall_ini($locked, false, ['click2dial.clicktocall_password_file' => "$dir/right"]), '2131', '2130');
$call(clicktocall_ini($locked, false, ['click2dial.clicktocall_password_file' => "$dir/open"]), '2131', '2130');
$call(clicktocall_ini($locked, true), '2133', '2132');
echo count(clicktocall_control($locked, 'GET', '/calls')), " calls placed\n";
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECTF--
-- HTTP, XML (no PIN given, none stored: the server trusts the site)
clicktocall 200 sip:2101@127.0.0.1:57421 sip:2102@127.0.0.1:57421 id
clicktocall 100 sip:2103@127.0.0.1:57421 sip:2104@127.0.0.1:57421 id
-- refusals, in the server's words
Click2Dial\PbxRejectedException (400): the clicktocall server did not place the call: No translation rule for either initiator 9001 or destination 2111.
Click2Dial\PbxRejectedException (400): the clicktocall server did not place the call: No translation rule for either initiator 9001 or destination 2111
-- plain http without allow_http
Click2Dial\ConfigurationException (0): click2dial.server "http://127.0.0.1:%d" is plain http, all the clicktocall server speaks: set click2dial.allow_http=1 to accept it (and keep the server reachable only from the web servers, see SECURITY.md)
2 calls placed
-- auth on: none, wrong, right, readable by everyone; XML needs none
Click2Dial\AuthenticationException (401): the clicktocall server refused the password (click2dial.clicktocall_password_file must hold its HttpAuthPwd)
Click2Dial\AuthenticationException (401): the clicktocall server refused the password (click2dial.clicktocall_password_file must hold its HttpAuthPwd)
clicktocall 200 sip:2130@127.0.0.1:57421 sip:2131@127.0.0.1:57421 id
Click2Dial\ConfigurationException (0): click2dial.clicktocall_password_file %s/open can be read or changed by every user of this machine (mode 0644): make it readable only by its owner and the web server's group, e.g. chown root:www-data and chmod 0640
clicktocall 100 sip:2132@127.0.0.1:57421 sip:2133@127.0.0.1:57421 id
2 calls placed
