--TEST--
callProgress(): the state of a placed call from a list of calls in progress, the last state and the time; bad shapes are ValueError
--EXTENSIONS--
click2dial
--FILE--
<?php
$placed = ['user' => '206', 'dialed' => '00301234567', 'placed_at' => 1000000, 'status' => 200];
$ringing = [['from' => '206', 'to' => '206', 'direction' => 'INCOMING', 'start' => 1000100, 'duration' => 300, 'internal' => false]];
$connected = [['from' => '206', 'to' => '00301234567', 'start' => 1002000]];
$cases = [
    'nothing yet' => [$placed, [], 1000200],
    'ringing' => [$placed, $ringing, 1000400],
    'picked up' => [['state' => 'ringing'] + $placed, $connected, 1002500],
    'hung up' => [['state' => 'connected'] + $placed, [], 1009000],
    'stopped ringing' => [['state' => 'ringing'] + $placed, [], 1009000],
    'nothing for 30 s' => [$placed, [], 1030001],
    'ringing for 31 s' => [['state' => 'ringing'] + $placed, $ringing, 1031000],
    'ringing, 10 s allowed' => [['ring_timeout_ms' => 10000] + $placed, $ringing, 1011000],
    'ended stays ended' => [['state' => 'ended'] + $placed, $connected, 1003000],
    'null state' => [['state' => null] + $placed, $ringing, 1000400],
];
foreach ($cases as $name => [$call, $active, $now]) {
    printf("%-22s %s\n", $name, Click2Dial\callProgress($call, $active, $now));
}
// Without $nowMs: now, so a call placed an hour ago that never rang was not answered.
echo Click2Dial\callProgress(['placed_at' => (int) (microtime(true) * 1000) - 3600000] + $placed, []), "\n";

foreach ([
    [['dialed' => '207', 'placed_at' => 1], []],
    [['user' => '206', 'dialed' => '207', 'placed_at' => '1'], []],
    [['state' => 'on hold'] + $placed, []],
    [$placed, ['not an array']],
    [$placed, [['from' => '206', 'to' => '206']]],
] as [$call, $active]) {
    try {
        Click2Dial\callProgress($call, $active, 0);
        echo "no exception\n";
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
nothing yet            requested
ringing                ringing
picked up              connected
hung up                ended
stopped ringing        not_answered
nothing for 30 s       not_answered
ringing for 31 s       not_answered
ringing, 10 s allowed  not_answered
ended stays ended      ended
null state             ringing
not_answered
ValueError: $placedCall['user'] must be a string
ValueError: $placedCall['placed_at'] must be an integer
ValueError: $placedCall['state'] must be null or a state callProgress() returned
ValueError: $activeCalls[0] must be an array as activeCalls() returns
ValueError: $activeCalls[0]['start'] must be an integer
