--TEST--
Plugin: the server checks the number again; a bad one sends nothing to the PBX
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/fixtures/plugin-host.php';
plugin_login('alice', '0000');
$before = emulator('GET', '/stats')['requests'];
$numbers = array('', '   ', '207<script>', 'sip:207@evil', '207;user=x', '../../admin', str_repeat('1', 65), '+', 'abc');
foreach ($numbers as $number) {
    $xml = '<action type="call"><number>' . htmlspecialchars($number, ENT_XML1) . '</number></action>';
    echo json_encode($number), ': ', plugin_reply(plugin_request($xml)), "\n";
}
// A number sent as a structure instead of text.
echo plugin_reply(plugin_request('<action type="call"><number><a>207</a></number></action>')), "\n";
echo plugin_reply(plugin_request('<action type="call"></action>')), "\n";
echo 'requests the PBX received: ', emulator('GET', '/stats')['requests'] - $before, "\n";
?>
--EXPECT--
"": error: error.kind=invalid_number, error.message=
"   ": error: error.kind=invalid_number, error.message=
"207<script>": error: error.kind=invalid_number, error.message=
"sip:207@evil": error: error.kind=invalid_number, error.message=
"207;user=x": error: error.kind=invalid_number, error.message=
"..\/..\/admin": error: error.kind=invalid_number, error.message=
"11111111111111111111111111111111111111111111111111111111111111111": error: error.kind=invalid_number, error.message=
"+": error: error.kind=invalid_number, error.message=
"abc": error: error.kind=invalid_number, error.message=
error: error.kind=invalid_number, error.message=
error: error.kind=invalid_number, error.message=
requests the PBX received: 0
