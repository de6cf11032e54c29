--TEST--
The dial plan is reloaded when it changes, without a restart; a broken version is an error until it is fixed
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$path = sys_get_temp_dir() . '/c2d-dialplan-reload-' . getmypid() . '.toml';
file_put_contents($path, "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\n");
$code = <<<'PHP'
$path = getenv('C2D_TEST_DIALPLAN');
$replace = function (string $text) use ($path) {
    file_put_contents("$path.new", $text);
    rename("$path.new", $path);
    usleep(1100000); // changes are looked for at most once a second
};
$show = function () {
    foreach (['+1 415 555 0100', '+49 30 1234567', '2071'] as $number) {
        try {
            echo Click2Dial\normalizeNumber($number), "\n";
        } catch (Click2Dial\Exception $e) {
            echo get_class($e), ': ', $e->getMessage(), "\n";
        }
    }
};
$show();
// The PBX moves to the USA and gets four-digit extensions.
$replace("region = \"US\"\noutside_line = \"9\"\ninternal = '^[2-9][0-9]{3}$'\n");
$show();
$replace("region = \"US\"\noutside_line = \"9\"\ninternal = '^[2-9][0-9]{3}$'\ndeny = 1\n");
show_exception(fn() => Click2Dial\normalizeNumber('2071'));
$replace("region = \"US\"\noutside_line = \"\"\ninternal = '^[2-9][0-9]{3}$'\n");
$show();
PHP;
putenv("C2D_TEST_DIALPLAN=$path");
$child = run_php($code, ['click2dial.dialplan' => $path]);
echo str_replace($path, 'PLAN', $child['out'] . $child['err']);
unlink($path);
?>
--EXPECT--
00014155550100
00301234567
Click2Dial\InvalidNumberException: the number "2071" cannot be dialed: +492071 is in no range of numbers its country has (a digit too many or too few?): check the number (the PBX administrator can allow such numbers with allow_invalid = true in click2dial.dialplan)
914155550100
901149301234567
2071
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 4: invalid type: integer `1`, expected a sequence
14155550100
01149301234567
2071
