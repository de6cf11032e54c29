--TEST--
Toll fraud through the dial plan: premium numbers a digit off, '#' and pauses are refused with a clear message; php --ri warns about an internal pattern that takes 911 and the outside line
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$code = <<<'PHP'
foreach (['0900 1234567', '+49 900 12345678', '+49 900 123456', '+49 5331 9390#', '+49 5331 939 0#',
          '+49 5331 9390,12', '+49 5331 9390 p 12', '+49 20 79460958', '+49 5331 939-0 ext. 12'] as $number) {
    try {
        printf("%-26s %s\n", json_encode($number), Click2Dial\normalizeNumber($number));
    } catch (Click2Dial\Exception $e) {
        printf("%-26s %s: %s\n", json_encode($number), get_class($e), $e->getMessage());
    }
}
PHP;
$child = run_php($code, ['click2dial.dialplan' => __DIR__ . '/../fixtures/dialplan-de.toml']);
echo $child['out'], $child['err'];

// A careless plan: three-digit extensions 200-999 behind the outside line 9.
$path = sys_get_temp_dir() . '/c2d-dialplan-toll-fraud-' . getmypid() . '.toml';
file_put_contents($path, "region = \"US\"\noutside_line = \"9\"\ninternal = '^[2-9][0-9]{2}$'\n");
$ri = shell_exec(escapeshellarg(getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY) . ' ' . getenv('TEST_PHP_EXTRA_ARGS')
    . ' -d click2dial.dialplan=' . escapeshellarg($path) . ' --ri click2dial');
foreach (explode("\n", $ri) as $line) {
    if (str_starts_with($line, 'Dial plan')) {
        echo str_replace($path, 'PLAN', $line), "\n";
    }
}
// The warning does not stop calls.
$child = run_php('echo Click2Dial\normalizeNumber("911"), "\n";', ['click2dial.dialplan' => $path]);
echo $child['out'], $child['err'];
// The shipped American plan has no such overlap.
$ri = shell_exec(escapeshellarg(getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY) . ' ' . getenv('TEST_PHP_EXTRA_ARGS')
    . ' -d click2dial.dialplan=' . escapeshellarg(__DIR__ . '/../fixtures/dialplan-us.toml') . ' --ri click2dial');
var_dump(str_contains($ri, 'warning'));
unlink($path);
?>
--EXPECT--
"0900 1234567"             Click2Dial\NumberNotAllowedException: calls to +499001234567 are not allowed: premium-rate numbers are blocked (key block of click2dial.dialplan; ask the PBX administrator)
"+49 900 12345678"         Click2Dial\InvalidNumberException: the number "+49 900 12345678" cannot be dialed: +4990012345678 is in no range of numbers its country has (a digit too many or too few?): check the number (the PBX administrator can allow such numbers with allow_invalid = true in click2dial.dialplan)
"+49 900 123456"           Click2Dial\InvalidNumberException: the number "+49 900 123456" cannot be dialed: +49900123456 is in no range of numbers its country has (a digit too many or too few?): check the number (the PBX administrator can allow such numbers with allow_invalid = true in click2dial.dialplan)
"+49 5331 9390#"           Click2Dial\InvalidNumberException: the number "+49 5331 9390#" cannot be dialed: '#' is not part of a phone number, and would dial another number than the one written; write an extension as "ext. 12", "x12" or ";ext=12"
"+49 5331 939 0#"          Click2Dial\InvalidNumberException: the number "+49 5331 939 0#" cannot be dialed: '#' is not part of a phone number, and would dial another number than the one written; write an extension as "ext. 12", "x12" or ";ext=12"
"+49 5331 9390,12"         Click2Dial\InvalidNumberException: the number "+49 5331 9390,12" cannot be dialed: ',' (a pause) is not part of a phone number, and would dial another number than the one written; write an extension as "ext. 12", "x12" or ";ext=12"
"+49 5331 9390 p 12"       Click2Dial\InvalidNumberException: the number "+49 5331 9390 p 12" cannot be dialed: 'p' or 'w' (a pause) is not part of a phone number, and would dial another number than the one written; write an extension as "ext. 12", "x12" or ";ext=12"
"+49 20 79460958"          Click2Dial\InvalidNumberException: the number "+49 20 79460958" cannot be dialed: +492079460958 is in no range of numbers its country has (a digit too many or too few?): check the number (the PBX administrator can allow such numbers with allow_invalid = true in click2dial.dialplan)
"+49 5331 939-0 ext. 12"   0053319390
Dial plan (click2dial.dialplan) => PLAN (region US; warning: internal "^[2-9][0-9]{2}$" matches 900, which begins with the outside line "9": numbers written with the outside line are dialed as extensions, past deny and block; make internal exclude them; warning: internal "^[2-9][0-9]{2}$" matches the emergency or service number(s) 911, 211, 311, 411, 511, 611, 711, 811, 988: they are dialed as extensions, past deny and block; make internal exclude them unless the PBX routes them itself)
911
bool(false)