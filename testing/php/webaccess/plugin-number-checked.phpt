--TEST--
Plugin: the server leaves the number to the extension; a bad one sends nothing, a dial-plan one goes through
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/../fixtures/plugin-host.php';
clear_calls();
plugin_login('alice', '0000');
$before = emulator('GET', '/stats')['requests'];
$numbers = array('', '   ', '207<script>', 'sip:207@evil', '207 #1', '../../admin', str_repeat('1', 65),
    str_repeat('1', 257), '+', 'abc');
foreach ($numbers as $number) {
    $xml = '<action type="call"><number>' . htmlspecialchars($number, ENT_XML1) . '</number></action>';
    echo json_encode(strlen($number) > 20 ? strlen($number) . ' digits' : $number), ': ', plugin_reply(plugin_request($xml)), "\n";
}
// A number sent as a structure instead of text.
echo plugin_reply(plugin_request('<action type="call"><number><a>207</a></number></action>')), "\n";
echo plugin_reply(plugin_request('<action type="call"></action>')), "\n";
echo 'requests the PBX received: ', emulator('GET', '/stats')['requests'] - $before, "\n";

// With a dial plan, the numbers a stricter pattern in the plugin used to refuse: a tel: URI, a
// vanity number, an extension written after the number. The extension reads and dials them.
$code = <<<'PHP'
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/testing/php/fixtures/plugin-host.php';
plugin_login('alice', '0000');
foreach (array('tel:+49-30-1234567', '+1 800 FLOWERS', '+49 5331 939-0 ext. 12', '0900 1234567') as $number) {
    $xml = '<action type="call"><number>' . htmlspecialchars($number, ENT_XML1) . '</number></action>';
    echo json_encode($number), ': ', plugin_reply(plugin_request($xml)), "\n";
}
PHP;
$child = run_php(str_replace('__DIR__', var_export(dirname(__DIR__, 3), true), $code),
    ['click2dial.dialplan' => __DIR__ . '/../fixtures/dialplan-de.toml']);
echo $child['out'], $child['err'];
foreach (recorded_calls() as $call) {
    echo $call['user'], ' -> ', $call['dialed'], "\n";
}
?>
--EXPECT--
"": error: error.kind=invalid_number, error.message=
"   ": error: error.kind=invalid_number, error.message=
"207<script>": error: error.kind=invalid_number, error.message=
"sip:207@evil": error: error.kind=invalid_number, error.message=
"207 #1": error: error.kind=invalid_number, error.message=
"..\/..\/admin": error: error.kind=invalid_number, error.message=
"65 digits": error: error.kind=invalid_number, error.message=
"257 digits": error: error.kind=invalid_number, error.message=
"+": error: error.kind=invalid_number, error.message=
"abc": error: error.kind=invalid_number, error.message=
error: error.kind=invalid_number, error.message=
error: error.kind=invalid_number, error.message=
requests the PBX received: 0
"tel:+49-30-1234567": called: number=tel:+49-30-1234567, dialed=00301234567, status=200, user=206, user_extension=206, placed_at=(now)
"+1 800 FLOWERS": called: number=+1 800 FLOWERS, dialed=00018003569377, status=200, user=206, user_extension=206, placed_at=(now)
"+49 5331 939-0 ext. 12": called: number=+49 5331 939-0 ext. 12, dialed=0053319390, status=200, user=206, user_extension=206, placed_at=(now)
"0900 1234567": error: error.kind=not_allowed, error.message=calls to +499001234567 are not allowed: premium-rate numbers are blocked (key block of click2dial.dialplan; ask the PBX administrator)
206 -> 00301234567
206 -> 00018003569377
206 -> 0053319390
