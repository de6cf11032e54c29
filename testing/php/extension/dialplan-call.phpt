--TEST--
makeCall applies the dial plan: the PBX receives the dial string, and the result has e164 and extension
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();
$code = <<<'PHP'
foreach (['+49 (0)5331 939-0', '+1 (415) 555-0100 ext. 12', 'tel:+49-5331-939-208;ext=5', '207'] as $number) {
    $result = Click2Dial\makeCall($number, 'alice', '0000');
    $calls = recorded_calls();
    $last = end($calls);
    printf("%-29s dialed %-15s e164 %-13s extension %-4s PBX got %s\n", json_encode($number), $result['dialed'],
           var_export($result['e164'], true), var_export($result['extension'], true), $last['path']);
}
PHP;
$child = run_php($code, ['click2dial.dialplan' => __DIR__ . '/../fixtures/dialplan-de.toml']);
echo $child['out'], $child['err'];
// Without a dial plan: cleaned only, and neither is known.
$result = Click2Dial\makeCall('+49 (5331) 939-0', 'alice', '0000');
var_dump($result['dialed'], $result['e164'], $result['extension']);
var_dump(count(recorded_calls()));
?>
--EXPECT--
"+49 (0)5331 939-0"           dialed 0053319390      e164 '+4953319390' extension NULL PBX got /sipxconfig/rest/call/0053319390
"+1 (415) 555-0100 ext. 12"   dialed 00014155550100  e164 '+14155550100' extension '12' PBX got /sipxconfig/rest/call/00014155550100
"tel:+49-5331-939-208;ext=5"  dialed 208             e164 '+495331939208' extension '5'  PBX got /sipxconfig/rest/call/208
"207"                         dialed 207             e164 NULL          extension NULL PBX got /sipxconfig/rest/call/207
string(11) "+4953319390"
NULL
NULL
int(5)