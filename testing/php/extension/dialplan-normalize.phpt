--TEST--
normalizeNumber dials numbers as people write them the way a PBX in Germany and one in the USA need them
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$numbers = ['+49 (0)5331 939-0', '05331/939-123', '+1 (415) 555-0100 ext. 12', '0049 5331 9390',
            'tel:+49-5331-9390;ext=12', '1-800-FLOWERS', '+1-800-FLOWERS', '207', '011 44 20 7946 0958',
            "\u{FF0B}\u{FF14}\u{FF19} \u{FF15}\u{FF13}\u{FF13}\u{FF11} \u{FF19}\u{FF13}\u{FF19}\u{FF10}",
            '(415) 555-0100', '+33 1 42 68 53 00'];
$code = <<<'PHP'
foreach (json_decode(getenv('C2D_NUMBERS')) as $number) {
    try {
        printf("%-28s %s\n", json_encode($number), Click2Dial\normalizeNumber($number));
    } catch (Click2Dial\Exception $e) {
        printf("%-28s %s\n", json_encode($number), get_class($e));
    }
}
PHP;
putenv('C2D_NUMBERS=' . json_encode($numbers));
foreach (['de', 'us'] as $pbx) {
    echo "== PBX in ", strtoupper($pbx), "\n";
    $child = run_php($code, ['click2dial.dialplan' => __DIR__ . "/../fixtures/dialplan-$pbx.toml"]);
    echo $child['out'], $child['err'];
}
// Without a dial plan the number is only cleaned, as makeCall always did.
echo "== no dial plan\n", Click2Dial\normalizeNumber('+49 (5331) 939-0'), ' ', Click2Dial\normalizeNumber(207), "\n";
?>
--EXPECT--
== PBX in DE
"+49 (0)5331 939-0"          0053319390
"05331\/939-123"             123
"+1 (415) 555-0100 ext. 12"  00014155550100
"0049 5331 9390"             0053319390
"tel:+49-5331-9390;ext=12"   0053319390
"1-800-FLOWERS"              Click2Dial\NumberNotAllowedException
"+1-800-FLOWERS"             00018003569377
"207"                        207
"011 44 20 7946 0958"        000442079460958
"\uff0b\uff14\uff19 \uff15\uff13\uff13\uff11 \uff19\uff13\uff19\uff10" 0053319390
"(415) 555-0100"             004155550100
"+33 1 42 68 53 00"          00033142685300
== PBX in US
"+49 (0)5331 939-0"          90114953319390
"05331\/939-123"             Click2Dial\InvalidNumberException
"+1 (415) 555-0100 ext. 12"  914155550100
"0049 5331 9390"             90114953319390
"tel:+49-5331-9390;ext=12"   90114953319390
"1-800-FLOWERS"              918003569377
"+1-800-FLOWERS"             918003569377
"207"                        207
"011 44 20 7946 0958"        9011442079460958
"\uff0b\uff14\uff19 \uff15\uff13\uff13\uff11 \uff19\uff13\uff19\uff10" 90114953319390
"(415) 555-0100"             914155550100
"+33 1 42 68 53 00"          901133142685300
== no dial plan
+4953319390 207