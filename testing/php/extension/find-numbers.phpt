--TEST--
findNumbers returns each callable number with UTF-16 offsets, the text as written, the number for makeCall and its dial string
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$code = <<<'PHP'
$text = "Grüße 😀 aus Wolfenbüttel: Zentrale 05331 939-0, Vertrieb +49 5331 939-123,\n"
    . "mobil 0171 1234567, Hotline 0900 1234567, am 02.12.2024 um 14:30, 1.234,56 €,\n"
    . "IBAN DE89 3704 0044 0532 0130 00, London +44 20 7946 0958, US +1 415-555-0199 ext. 204";
$found = Click2Dial\findNumbers($text);
$utf16 = iconv('UTF-8', 'UTF-16LE', $text);
foreach ($found as $number) {
    // The offsets index the text as JavaScript does: UTF-16 code units, end exclusive.
    $span = iconv('UTF-16LE', 'UTF-8', substr($utf16, 2 * $number['start'], 2 * ($number['end'] - $number['start'])));
    printf("%3d %3d %-26s %-14s %-16s %-5s %s\n", $number['start'], $number['end'], json_encode($number['text']),
        $number['number'], $number['dial'], var_export($number['extension'], true),
        $span === $number['text'] && Click2Dial\normalizeNumber($number['number']) === $number['dial'] ? 'ok' : 'WRONG');
}
echo implode(',', array_keys($found[0])), "\n";
var_dump(array_is_list($found), is_int($found[0]['start']));
// A region given reads national numbers there; the plan still dials from Germany.
foreach (Click2Dial\findNumbers('Ring 020 7946 0958 or 05331 939-0', 'gb') as $number) {
    echo $number['text'], ' => ', $number['dial'], "\n";
}
var_dump(Click2Dial\findNumbers(''), Click2Dial\findNumbers(str_repeat('x', 131072)));
foreach (["\xff 05331 939-0", str_repeat('x', 131073)] as $bad) {
    try {
        Click2Dial\findNumbers($bad);
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
foreach (['XX', 'DEU', ''] as $region) {
    try {
        Click2Dial\findNumbers('05331 939-0', $region);
    } catch (ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
PHP;
$child = run_php($code, ['click2dial.dialplan' => __DIR__ . '/../fixtures/dialplan-de.toml']);
echo $child['out'], $child['err'];

// A dial plan that cannot be read fails as makeCall would.
$child = run_php('try { Click2Dial\findNumbers("05331 939-0"); } catch (Click2Dial\ConfigurationException $e) { echo get_class($e), "\n"; }',
    ['click2dial.dialplan' => __DIR__ . '/../fixtures/no-such-dialplan.toml']);
echo $child['out'], $child['err'];

// Without a dial plan or a region only numbers with their country code are found, only cleaned.
foreach (Click2Dial\findNumbers('05331 939-0 or +49 5331 939-0') as $number) {
    echo $number['text'], ' => ', $number['dial'], "\n";
}
echo count(Click2Dial\findNumbers('05331 939-0 or +49 5331 939-0', 'DE')), "\n";
?>
--EXPECT--
 36  47 "05331 939-0"              +4953319390    0053319390       NULL  ok
 58  74 "+49 5331 939-123"         +495331939123  123              NULL  ok
 82  94 "0171 1234567"             +491711234567  001711234567     NULL  ok
195 211 "+44 20 7946 0958"         +442079460958  000442079460958  NULL  ok
216 240 "+1 415-555-0199 ext. 204" +14155550199   00014155550199   '204' ok
start,end,text,number,dial,extension
bool(true)
bool(true)
020 7946 0958 => 000442079460958
array(0) {
}
array(0) {
}
ValueError: $text must be UTF-8: convert it first
ValueError: the text is 131073 bytes long, more than the 131072 findNumbers searches at once: send it in pieces, split at line breaks
ValueError: the region "XX" is no ISO 3166 country code with phone number metadata (write it as 'DE', 'US', 'GB' ...)
ValueError: the region "DEU" is no ISO 3166 country code with phone number metadata (write it as 'DE', 'US', 'GB' ...)
ValueError: the region "" is no ISO 3166 country code with phone number metadata (write it as 'DE', 'US', 'GB' ...)
Click2Dial\ConfigurationException
+49 5331 939-0 => +4953319390
2
