--TEST--
Plugin: lookup (the dial box) offers the session user's recent calls first, then contacts and GAB users by name; bounded query, another origin's page refused
--EXTENSIONS--
click2dial
--INI--
error_log=/dev/null
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/../fixtures/plugin-host.php';
require_once dirname(__DIR__, 3) . '/testing/hosts/webaccess/server/core/mapi.php';
clear_calls();

function lookup_reply(string $xml): string
{
    $action = simplexml_load_string($xml)->module->action;
    if ((string) $action['type'] !== 'matches') {
        return plugin_reply($xml);
    }
    $parts = array('query=' . $action->query);
    foreach ($action->recent as $recent) {
        $parts[] = 'recent ' . $recent;
    }
    foreach ($action->match as $match) {
        $numbers = array();
        foreach ($match->choice as $choice) {
            $numbers[] = $choice->label . ' ' . $choice->number;
        }
        $parts[] = $match->source . ' ' . $match->name . ': ' . implode(', ', $numbers);
    }
    return implode('; ', $parts);
}
$lookup = fn(string $query) => lookup_reply(plugin_request('<action type="lookup"><query>' . htmlspecialchars($query, ENT_XML1) . '</query></action>'));

plugin_login('alice', '0000');
echo $lookup(''), "\n";
echo $lookup('GABI'), "\n";
echo $lookup('jürgen'), "\n";
// A contact without a number is not offered; one letter searches nothing.
echo $lookup('Nina'), "\n";
echo $lookup('b'), "\n";
echo $lookup(str_repeat('a', 65)), "\n";

// Calls are remembered for the caller only, newest first, each once.
foreach (array('207', '208', '207') as $number) {
    plugin_request('<action type="call"><number>' . $number . '</number></action>');
}
echo $lookup(''), "\n";
echo $lookup('20'), "\n";
plugin_login('bob', '1234');
echo $lookup(''), "\n";

echo plugin_reply(plugin_request('<action type="lookup"><query>carol</query></action>', array('HTTP_ORIGIN' => 'https://evil.example'))), "\n";
$_SESSION = array();
echo plugin_reply(plugin_request('<action type="lookup"><query>carol</query></action>')), "\n";
?>
--EXPECT--
query=
query=GABI; gab Gabi Global: Business +49 5331 939-124, Mobile +49 160 9876543
query=jürgen; contacts Jürgen Überall: Business 208
query=Nina
query=b
query=
query=; recent 207; recent 208
query=20; recent 207; recent 208
query=
error: error.kind=cross_site, error.message=
error: error.kind=not_logged_in, error.message=
