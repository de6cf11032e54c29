--TEST--
activeCalls() and callProgress() follow a placed call: ringing -> connected -> ended, and a phone nobody picks up
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();

// The user's phone rings for a while, is picked up, and the call lasts a while.
set_life(['ring_ms' => 1500, 'talk_ms' => 1500, 'times' => 1]);
$call = Click2Dial\makeCall('0301234567', 'alice', '0000');
var_dump(is_int($call['placed_at']) && abs($call['placed_at'] - (int) (microtime(true) * 1000)) < 5000);

// Straight after the 200: sipXconfig rings alice's phone (user 206) as a call from 206 to 206.
$active = Click2Dial\activeCalls('alice', '0000');
echo json_encode(array_map(fn ($leg) => array_keys($leg), $active)), "\n";
printf("%s -> %s, %s, internal %s\n", $active[0]['from'], $active[0]['to'], $active[0]['direction'],
    var_export($active[0]['internal'], true));
var_dump($active[0]['start'] >= $call['placed_at'] - 1000, $active[0]['duration'] >= 0);
echo Click2Dial\callProgress($call, $active), "\n";

echo implode(' -> ', follow_call($call, 'alice', '0000')), "\n";
var_dump(Click2Dial\activeCalls('alice', '0000'));

// Never picked up: the phone rings, then nothing is left.
set_life(['ring_ms' => 1000, 'answer' => false, 'times' => 1]);
$call = Click2Dial\makeCall('207', 'alice', '0000');
echo implode(' -> ', follow_call($call, 'alice', '0000')), "\n";

// Bob calls as the sipXecs alias bsmith; the PBX lists his phone as 207, its canonical name.
set_life(['ring_ms' => 1000, 'talk_ms' => 1000, 'times' => 1]);
$call = Click2Dial\makeCall('206', 'Bob.Smith', '1234');
echo $call['user'], ' ', $call['user_extension'], ': ', implode(' -> ', follow_call($call, 'Bob.Smith', '1234')), "\n";

// Only the user's own calls: Bob (sipXecs user bsmith, 207) sees nothing of alice's call.
set_life(['ring_ms' => 5000, 'answer' => false, 'times' => 1]);
Click2Dial\makeCall('208', 'alice', '0000');
var_dump(count(Click2Dial\activeCalls('alice', '0000')), Click2Dial\activeCalls('Bob.Smith', '1234'));
clear_calls();
?>
--EXPECT--
bool(true)
[["from","to","direction","start","duration","internal"]]
206 -> 206, INCOMING, internal false
bool(true)
bool(true)
ringing
ringing -> connected -> ended
array(0) {
}
ringing -> not_answered
bsmith 207: ringing -> connected -> ended
int(1)
array(0) {
}
