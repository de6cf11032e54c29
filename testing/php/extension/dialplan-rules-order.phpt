--TEST--
translate and deny rules are tried in file order, the first match wins, and deny wins over translate
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$path = sys_get_temp_dir() . '/c2d-dialplan-order-' . getmypid() . '.toml';
file_put_contents($path, <<<'TOML'
region = "DE"
outside_line = "0"
internal = '^[2-9][0-9]{2}$'

[[deny]]
pattern = '^\+49137'
reason = "televoting numbers"

[[deny]]
pattern = '^\+491'
reason = "the 01 service ranges"

[[translate]]
pattern = '^\+4953319399(\d{2})$'
output = '8$1'           # the branch office, +49 5331 9399-xx: before the head office's rule

[[translate]]
pattern = '^\+495331939(\d{3})$'
output = '$1'            # head office

[[translate]]
pattern = '^\+4913(\d+)$'
output = '$1'            # never reached: deny comes first
TOML);
$code = <<<'PHP'
foreach (['05331 9399 12', '05331 939 207', '+49 137 9876543', '+49 138 1234567', '+49 30 1234567', '207'] as $number) {
    try {
        printf("%-18s %s\n", $number, Click2Dial\normalizeNumber($number));
    } catch (Click2Dial\Exception $e) {
        printf("%-18s %s: %s\n", $number, get_class($e), $e->getMessage());
    }
}
PHP;
$child = run_php($code, ['click2dial.dialplan' => $path]);
echo $child['out'], $child['err'];
unlink($path);
?>
--EXPECT--
05331 9399 12      812
05331 939 207      207
+49 137 9876543    Click2Dial\NumberNotAllowedException: calls to +491379876543 are not allowed: televoting numbers (deny rule on line 6 of click2dial.dialplan; ask the PBX administrator)
+49 138 1234567    Click2Dial\NumberNotAllowedException: calls to +491381234567 are not allowed: the 01 service ranges (deny rule on line 10 of click2dial.dialplan; ask the PBX administrator)
+49 30 1234567     00301234567
207                207
