--TEST--
Dial plan errors: unreadable numbers, forbidden numbers and every kind of broken file, each saying what to check
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$call = <<<'PHP'
foreach (json_decode(getenv('C2D_NUMBERS')) as $number) {
    show_exception(fn() => Click2Dial\normalizeNumber($number));
}
PHP;
$run = function (string $plan, array $numbers) use ($call) {
    putenv('C2D_NUMBERS=' . json_encode($numbers));
    $child = run_php($call, ['click2dial.dialplan' => $plan]);
    echo str_replace($plan, 'PLAN', $child['out'] . $child['err']);
};

echo "== numbers, with the German PBX's plan\n";
$before = pbx_requests();
$run(__DIR__ . '/../fixtures/dialplan-de.toml', [
    'call me', '+999 1234 5678', '+49 30 1', '+49 30 1234 5678 9012 3456', '*97', '',
    "030\r\n1234", str_repeat('1', 65),
    '+49 137 9876543', '+49 900 1234567', '+49 180 5123456',
]);
// makeCall refuses the same numbers, and sends nothing.
$child = run_php('foreach (["+49 900 1234567", "+49 30 1"] as $n) show_exception(fn() => Click2Dial\makeCall($n, "alice", "0000"));',
                 ['click2dial.dialplan' => __DIR__ . '/../fixtures/dialplan-de.toml']);
echo $child['out'], $child['err'];
var_dump(pbx_requests() - $before);

echo "== broken files\n";
$path = sys_get_temp_dir() . '/c2d-dialplan-errors-' . getmypid() . '.toml';
$base = "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9][0-9]{2}$'\n";
foreach ([
    "region = \"XX\"\noutside_line = \"0\"\ninternal = '^2'\n",
    "region = \"DE\"\noutside_line = \"0\"\ninternal = '^[2-9'\n",
    $base . "regoin = \"DE\"\n",
    "region = \"DE\"\ninternal = '^2'\n",
    $base . "outside = 0\n",
    $base . "outside_line = \"0\"\n",
    "region = \"DE\"\noutside_line = \"line 0\"\ninternal = '^2'\n",
    "region = \"BR\"\noutside_line = \"0\"\ninternal = '^2'\n",
    $base . "block = [\"premium_rate\", \"expensive\"]\n",
    $base . "\n[[deny]]\npattern = '^\\+49(137'\nreason = \"televoting\"\n",
    $base . "\n[[deny]]\npattern = '^\\+49137'\nreason = \"\"\n",
    $base . "\n[[deny]]\npattern = '^\\+49137'\n",
    $base . "\n[[translate]]\npattern = '^\\+495331939(\\d{3})$'\noutput = '\$2'\n",
    $base . "\n[[translate]]\npattern = '^\\+495331939(\\d{3})$'\noutput = '#\$1'\n",
    $base . "\n[[translate]]\npattern = '^\\+495331939(\\d{3})$'\noutput = '1'\nextra = 1\n",
    "region = \"DE\"\x00",
] as $text) {
    file_put_contents($path, $text);
    $run($path, ['207']);
}
unlink($path);
$run('/nonexistent/dialplan.toml', ['207']);
?>
--EXPECT--
== numbers, with the German PBX's plan
Click2Dial\InvalidNumberException (0): the number "call me" cannot be read: it is not a phone number (write digits, with '+' and the country code for numbers abroad)
Click2Dial\InvalidNumberException (0): the number "+999 1234 5678" cannot be read: the digits after '+' (or 00) are not a country code: check them
Click2Dial\InvalidNumberException (0): the number "+49 30 1" cannot be dialed: it is too short for a number in DE (+49) with its area code: write the whole number
Click2Dial\InvalidNumberException (0): the number "+49 30 1234 5678 9012 3456" cannot be read: it has too many digits for a phone number
Click2Dial\InvalidNumberException (0): the number "*97" is a feature code, not a phone number: to dial it as it is, make the dial plan's internal pattern match it
Click2Dial\InvalidNumberException (0): no number was given: pass the number to call
Click2Dial\InvalidNumberException (0): the number "030\r\n1234" cannot be dialed: the control character \u{d} is not allowed (use digits, letters, '+', '*' and ';')
Click2Dial\InvalidNumberException (0): the number "1111111111111111111111111111111111111111…" is longer than 64 characters: pass a single phone number or extension
Click2Dial\NumberNotAllowedException (0): calls to +491379876543 are not allowed: televoting numbers (deny rule on line 9 of click2dial.dialplan; ask the PBX administrator)
Click2Dial\NumberNotAllowedException (0): calls to +499001234567 are not allowed: premium-rate numbers are blocked (key block of click2dial.dialplan; ask the PBX administrator)
Click2Dial\NumberNotAllowedException (0): calls to +491805123456 are not allowed: shared-cost numbers are blocked (key block of click2dial.dialplan; ask the PBX administrator)
Click2Dial\NumberNotAllowedException (0): calls to +499001234567 are not allowed: premium-rate numbers are blocked (key block of click2dial.dialplan; ask the PBX administrator)
Click2Dial\InvalidNumberException (0): the number "+49 30 1" cannot be dialed: it is too short for a number in DE (+49) with its area code: write the whole number
int(0)
== broken files
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 1, key region: "XX" is not a country libphonenumber knows: use an ISO 3166 code such as DE or US
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 3, key internal: "^[2-9" is not a regular expression (error: unclosed character class): see https://docs.rs/regex for the syntax
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 4: unknown key `regoin`, expected one of `region`, `outside_line`, `internal`, `international_prefix`, `national_prefix`, `block`, `allow_invalid`, `deny`, `translate`
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 1: missing key `outside_line`: add the prefix that reaches the public network, e.g. outside_line = "0" ("" when there is none)
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 4: unknown key `outside`, expected one of `region`, `outside_line`, `internal`, `international_prefix`, `national_prefix`, `block`, `allow_invalid`, `deny`, `translate`
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 4: duplicate key `outside_line` in document root
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 2, key outside_line: "line 0" is not a prefix: use digits (and '*') only
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 1, key international_prefix: region BR has several international prefixes and no preferred one: set international_prefix to the one the PBX's trunk uses
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 4, key block: "expensive" is not a number type: use fixed_line, mobile, fixed_line_or_mobile, toll_free, premium_rate, shared_cost, voip, personal_number, pager, uan, voicemail, unknown
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 6, key deny.pattern: "^\\+49(137" is not a regular expression (error: unclosed group): see https://docs.rs/regex for the syntax
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 7, key deny.reason: the reason is empty: say why these numbers may not be called; users see it
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 5: missing key `reason`: every deny rule needs a reason, which users see
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 7, key translate.output: "$2" names the group $2, which its pattern does not have (write ${1}0 for group 1 followed by a 0)
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 7, key translate.output: "#$1" does not give a number sipXconfig can dial (the number "#1" cannot be dialed: the character '#' is not allowed (use digits, letters, '+', '*' and ';'))
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 8: unknown key `extra`, expected `pattern` or `output`
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN line 1: expected newline, `#`
Click2Dial\ConfigurationException (0): click2dial.dialplan PLAN does not exist