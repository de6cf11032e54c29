--TEST--
callStatus() with sipXconfig: reads activeCalls() itself and keeps the history: ringing -> connected -> ended, and a phone nobody picks up; never calling or answered
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();

$line = fn (array $s) => $s['state'] . ': ' . implode(' -> ', array_map(
    fn ($step) => $step['state'] . ($step['leg'] ? '/' . $step['leg'] : ''), $s['history']));
$follow = function (array $call, string $pin) use ($line) {
    $until = microtime(true) + 20;
    do {
        $status = Click2Dial\callStatus($call, $pin);
        usleep(100000);
    } while (!in_array($status['state'], ['ended', 'not_answered'], true) && microtime(true) < $until);
    return $line($status);
};

set_life(['ring_ms' => 1000, 'talk_ms' => 1000, 'times' => 1]);
$call = Click2Dial\makeCall('0301234567', 'alice', '0000');
echo $call['pbx'], ' ', strlen($call['call_id']), ' ', var_export($call['translated_initiator'], true), "\n";
echo $follow($call, '0000'), "\n";
// Once ended it stays ended, and asks nothing more of the PBX.
$before = pbx_requests();
echo Click2Dial\callStatus($call, '0000')['state'], ' ', pbx_requests() - $before, " requests\n";

set_life(['ring_ms' => 1000, 'answer' => false, 'times' => 1]);
$call = Click2Dial\makeCall('207', 'alice', '0000');
echo $follow($call, '0000'), "\n";
show_exception(fn () => Click2Dial\callStatus($call, '9999'));

// A phone that rings on: after the ring time-out the caller's placed call gives (as
// callProgress() takes it), nobody answered.
set_life(['ring_ms' => 20000, 'answer' => false, 'times' => 1]);
$call = Click2Dial\makeCall('208', 'alice', '0000');
$call['ring_timeout_ms'] = 1500;
echo $follow($call, '0000'), "\n";
show_exception(fn () => Click2Dial\callStatus(['call_id' => $call['call_id'], 'ring_timeout_ms' => -1], '0000'));
clear_calls();
?>
--EXPECTF--
sipxconfig 32 NULL
ended: requested -> ringing/initiator -> connected/initiator -> ended
ended 0 requests
not_answered: requested -> ringing/initiator -> not_answered/initiator
no exception
not_answered: requested -> ringing/initiator -> not_answered/initiator
ValueError (0): $placedCall['ring_timeout_ms'] must be an int from 0 to 3600000
