--TEST--
Plugin: progress is asked only about a call this session placed; a missing, forged, altered or other session's ticket is refused without asking the PBX
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

function called(string $number): array
{
    $fields = array();
    foreach (simplexml_load_string(plugin_request("<action type=\"call\"><number>$number</number></action>"))->module->action->children() as $child) {
        $fields[$child->getName()] = (string) $child;
    }
    return $fields;
}

/** Asks about $call as the browser does; "state error" of the reply. */
function ask(array $call): string
{
    $xml = '<action type="progress">';
    foreach (array('dialed', 'placed_at', 'user', 'user_extension', 'call_id', 'ticket') as $name) {
        if (isset($call[$name])) {
            $xml .= "<$name>" . htmlspecialchars($call[$name], ENT_XML1) . "</$name>";
        }
    }
    $action = simplexml_load_string(plugin_request($xml . '<state></state></action>'))->module->action;
    return trim($action->state . ' ' . $action->error);
}

set_life(array('ring_ms' => 20000, 'answer' => false, 'times' => 2));
plugin_login('alice', '0000');
$call = called('207');
$other = called('208');
echo 'the call reply carries a ticket: ', preg_match('/^[0-9a-f]{64}$/', $call['ticket']) ? 'yes' : 'no', "\n";
echo 'one per call: ', $call['ticket'] !== $other['ticket'] ? 'yes' : 'no', "\n";
echo 'it holds the session key: ', str_contains($call['ticket'], $_SESSION['click2dial_ticket_key']) ? 'yes' : 'no', "\n";

$before = pbx_requests();
$forged = array(
    'no ticket' => array_diff_key($call, array('ticket' => 1)),
    'an empty ticket' => array('ticket' => '') + $call,
    'a made-up ticket' => array('ticket' => str_repeat('0', 64)) + $call,
    'another call\'s ticket' => array('ticket' => $other['ticket']) + $call,
    'the call with another number' => array('dialed' => '209') + $call,
    'the call at another time' => array('placed_at' => (string) ($call['placed_at'] + 1)) + $call,
    'the call of another extension' => array('user_extension' => '207') + $call,
    'the call with another call\'s id' => array('call_id' => $other['call_id']) + $call,
    'a SHA-256 of the call without key' => array('ticket' => hash('sha256', $call['user'] . $call['user_extension'] . $call['dialed'] . $call['placed_at'])) + $call,
);
foreach ($forged as $name => $echo) {
    echo $name, ': ', ask($echo), "\n";
}

// The same ticket from another session: alice logged in in a second browser, and émile.
$alice = $_SESSION;
plugin_login('alice', '0000');
echo 'alice\'s second session: ', ask($call), "\n";
plugin_login('émile', 'pässwörd');
echo 'émile\'s session: ', ask($call), "\n";
// A session opened before the plugin was installed has no key: no ticket, no questions.
$_SESSION = $alice;
unset($_SESSION['click2dial_ticket_key']);
echo 'a session without a key: ', ask($call), "\n";
echo 'questions the PBX received: ', pbx_requests() - $before, "\n";

$_SESSION = $alice;
echo 'the session that placed it: ', ask($call), "\n";
echo 'questions the PBX received: ', pbx_requests() - $before, "\n";
clear_calls();
clear_life();
?>
--EXPECT--
the call reply carries a ticket: yes
one per call: yes
it holds the session key: no
no ticket: unknown not_your_call
an empty ticket: unknown not_your_call
a made-up ticket: unknown not_your_call
another call's ticket: unknown not_your_call
the call with another number: unknown not_your_call
the call at another time: unknown not_your_call
the call of another extension: unknown not_your_call
the call with another call's id: unknown not_your_call
a SHA-256 of the call without key: unknown not_your_call
alice's second session: unknown not_your_call
émile's session: unknown not_your_call
a session without a key: unknown not_your_call
questions the PBX received: 0
the session that placed it: ringing
questions the PBX received: 1
