--TEST--
Plugin: findnumbers answers each piece with the numbers' JavaScript offsets and dial strings, only for a logged-in user, only for bounded pieces, never for another origin's page
--EXTENSIONS--
click2dial
--INI--
error_log=/dev/null
click2dial.dialplan={PWD}/../fixtures/dialplan-de.toml
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/../fixtures/plugin-host.php';
clear_calls();

/** Each action of the reply as "type piece: start-end text => dial | error". */
function numbers_reply(string $xml): string
{
    $lines = array();
    foreach (simplexml_load_string($xml)->module->action as $action) {
        $line = $action['type'] . ' ' . $action->piece . ':';
        if (isset($action->error)) {
            $line .= ' error=' . $action->error;
        }
        foreach ($action->found as $found) {
            $line .= sprintf(' %d-%d "%s" %s => %s;', $found->start, $found->end, $found->text, $found->number, $found->dial);
        }
        $lines[] = $line;
    }
    return implode("\n", $lines);
}
$piece = fn(int $key, string $text) => '<action type="findnumbers"><piece>' . $key . '</piece><text>'
    . htmlspecialchars($text, ENT_XML1) . '</text></action>';

// Not logged in: nothing is searched.
$_SESSION = array();
host_load_plugins();
echo numbers_reply(plugin_request($piece(0, 'Ring 05331 939-0'))), "\n";

plugin_login('alice', '0000');
// Two pieces of one body in one request; offsets are UTF-16 code units (the emoji is two).
echo numbers_reply(plugin_request($piece(0, "Grüße 😀 Zentrale 05331 939-0\nmobil 0171 1234567")
    . $piece(1, "Durchwahl +49 5331 939-123, am 02.12.2024 um 14:30, 1.234,56 €"))), "\n";
// A piece without a number, and an empty one.
echo numbers_reply(plugin_request($piece(2, 'Order No. 12345678') . $piece(3, ''))), "\n";

// Bounded: a piece of more than 48 KiB is refused unread; a ninth piece in one request too.
echo numbers_reply(plugin_request($piece(0, str_repeat('x', 49152 - 12) . ' 05331 939-0'))), "\n";
echo numbers_reply(plugin_request($piece(0, str_repeat('x', 49152) . ' 05331 939-0'))), "\n";
$nine = '';
for ($i = 0; $i < 9; $i++) {
    $nine .= $piece($i, '0171 1234567');
}
echo numbers_reply(plugin_request($nine)), "\n";
// A piece key that is not a small number is not echoed.
echo numbers_reply(plugin_request('<action type="findnumbers"><piece>&lt;b&gt;</piece><text>0171 1234567</text></action>')), "\n";

// Another origin's page gets no answer about the text.
echo plugin_reply(plugin_request($piece(0, 'Ring 05331 939-0'), array('HTTP_ORIGIN' => 'https://evil.example'))), "\n";
echo plugin_reply(plugin_request($piece(0, 'Ring 05331 939-0'), array('CONTENT_TYPE' => 'text/plain', 'HTTP_ORIGIN' => null, 'HTTP_SEC_FETCH_SITE' => null))), "\n";
// Finding numbers places no call and reads no PBX account.
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
numbers 0: error=not_logged_in
numbers 0: 18-29 "05331 939-0" +4953319390 => 0053319390; 36-48 "0171 1234567" +491711234567 => 001711234567;
numbers 1: 10-26 "+49 5331 939-123" +495331939123 => 123;
numbers 2:
numbers 3:
numbers 0: 49141-49152 "05331 939-0" +4953319390 => 0053319390;
numbers 0: error=too_long
numbers 0: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 1: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 2: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 3: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 4: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 5: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 6: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 7: 0-12 "0171 1234567" +491711234567 => 001711234567;
numbers 8: error=too_long
numbers : 0-12 "0171 1234567" +491711234567 => 001711234567;
error: error.kind=cross_site, error.message=
error: error.kind=cross_site, error.message=
calls: 0
