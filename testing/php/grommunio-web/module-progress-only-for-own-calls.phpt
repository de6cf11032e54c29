--TEST--
grommunio-web module: progress is told only about a call this session placed (ticket), never about an altered or another session's call
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/module-host.php';
clear_calls();

gw_login('alice@example.com', '0000');
$call = gw_request('call', ['number' => '209'])['success'];
$question = array_intersect_key($call, array_flip(['user', 'user_extension', 'dialed', 'placed_at', 'call_id', 'ticket']));
$state = gw_request('progress', $question)['success'];
echo 'own call: ', in_array($state['state'], ['requested', 'ringing', 'connected', 'calling', 'answered', 'ended', 'not_answered', 'failed'], true) ? 'a state' : $state['state'] . ' ' . ($state['error'] ?? ''), "\n";
// Another call of the same site: its id is well-formed, but this ticket is not for it.
$other = strrev($call['call_id']);

echo 'other number: ', gw_show(gw_request('progress', ['dialed' => '210'] + $question)), "\n";
echo 'other time: ', gw_show(gw_request('progress', ['placed_at' => (string) ($call['placed_at'] + 1)] + $question)), "\n";
echo 'other user: ', gw_show(gw_request('progress', ['user' => 'bsmith'] + $question)), "\n";
echo 'no ticket: ', gw_show(gw_request('progress', ['ticket' => ''] + $question)), "\n";
echo 'other call id: ', gw_show(gw_request('progress', ['call_id' => $other] + $question)), "\n";
echo 'not a call id: ', gw_show(gw_request('progress', ['call_id' => '../' . substr($call['call_id'], 3)] + $question)), "\n";

// Bob's session, with Alice's call and its ticket (e.g. read from her screen): not his call.
gw_login('bob.smith@example.com', '1234');
echo 'another session: ', gw_show(gw_request('progress', $question)), "\n";
?>
--EXPECT--
own call: a state
other number: success dialed='210', placed_at='(now)', state='unknown', error='not_your_call'
other time: success dialed='209', placed_at='(now)', state='unknown', error='not_your_call'
other user: success dialed='209', placed_at='(now)', state='unknown', error='not_your_call'
no ticket: success dialed='209', placed_at='(now)', state='unknown', error='not_your_call'
other call id: success dialed='209', placed_at='(now)', state='unknown', error='not_your_call'
not a call id: success dialed='209', placed_at='(now)', state='unknown', error='invalid_call'
another session: success dialed='209', placed_at='(now)', state='unknown', error='not_your_call'
