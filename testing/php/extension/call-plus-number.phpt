--TEST--
A number as people write it reaches the PBX cleaned, with its + intact
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();
foreach (['+49 (5331) 939-0', '+49 5331 939-0', '05331/939-123', '*97', "+1\u{a0}415\u{2011}555\u{2013}0100"] as $number) {
    $result = Click2Dial\makeCall($number, 'alice', '0000');
    $calls = recorded_calls();
    $last = end($calls);
    printf("%-22s makeCall: %-14s PBX: %-14s %s\n", json_encode($number), $result['dialed'], $last['dialed'], $last['path']);
}
// An integer is taken as its digits.
echo Click2Dial\makeCall(207, 'alice', '0000')['dialed'], "\n";
?>
--EXPECT--
"+49 (5331) 939-0"     makeCall: +4953319390    PBX: +4953319390    /sipxconfig/rest/call/%2B4953319390
"+49 5331 939-0"       makeCall: +4953319390    PBX: +4953319390    /sipxconfig/rest/call/%2B4953319390
"05331\/939-123"       makeCall: 05331939123    PBX: 05331939123    /sipxconfig/rest/call/05331939123
"*97"                  makeCall: *97            PBX: *97            /sipxconfig/rest/call/*97
"+1\u00a0415\u2011555\u20130100" makeCall: +14155550100   PBX: +14155550100   /sipxconfig/rest/call/%2B14155550100
207
