--TEST--
grommunio-web module: findnumbers gives the numbers of a piece of text with UTF-16 offsets, only to a logged-in user, refuses a piece over 16 KiB and another origin, and dials nothing
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
click2dial.dialplan={PWD}/../fixtures/dialplan-de.toml
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/module-host.php';
clear_calls();
gw_login('alice@example.com', '0000');
$text = "Grüße 😀, ☎ 05331 939-0\nOrder 4711 on 02.12.2024, mobile +49 171 5550202";
$reply = gw_request('findnumbers', ['text' => $text]);
// What the browser does with start/end: JavaScript string indices (UTF-16 code units).
$jsSlice = function (string $text, int $start, int $end): string {
	$units = [];
	foreach (preg_split('//u', $text, -1, PREG_SPLIT_NO_EMPTY) as $char) {
		$units[] = $char;
		if (strlen($char) === 4) {
			$units[] = '';
		}
	}
	return implode('', array_slice($units, $start, $end - $start));
};
foreach ($reply['success']['numbers'] as $n) {
	$slice = $jsSlice($text, $n['start'], $n['end']);
	echo $n['start'], '-', $n['end'], ' ', $slice === $n['text'] ? 'offsets hold' : 'offsets wrong: ' . $slice, ' ', $n['text'], ' -> ', $n['number'], ' dial ', $n['dial'], "\n";
}
echo 'no numbers: ', json_encode(gw_request('findnumbers', ['text' => 'Meeting at 14:00, 3 rooms'])['success']), "\n";
echo 'no text: ', json_encode(gw_request('findnumbers', [])['success']), "\n";
$long = str_repeat("x 05331 939-0\n", intdiv(16384, 14)) . str_repeat("y", 16384 % 14);
echo 'exactly 16 KiB: ', strlen($long), ' bytes, ', count(gw_request('findnumbers', ['text' => $long])['success']['numbers']), " numbers\n";
echo 'one byte more: ', gw_show(gw_request('findnumbers', ['text' => $long . 'z'])), "\n";
echo 'another origin: ', gw_show(gw_request('findnumbers', ['text' => $text], ['CONTENT_TYPE' => 'text/plain', 'HTTP_ORIGIN' => 'https://evil.example'])), "\n";
echo 'same site, other origin: ', gw_show(gw_request('findnumbers', ['text' => $text], ['HTTP_SEC_FETCH_SITE' => 'same-site'])), "\n";
gw_login('', null);
echo 'not logged in: ', gw_show(gw_request('findnumbers', ['text' => $text])), "\n";
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
12-23 offsets hold 05331 939-0 -> +4953319390 dial 0053319390
57-72 offsets hold +49 171 5550202 -> +491715550202 dial 001715550202
no numbers: {"numbers":[]}
no text: {"numbers":[]}
exactly 16 KiB: 16384 bytes, 1170 numbers
one byte more: error too_long type=2
another origin: error cross_origin type=2
same site, other origin: error cross_origin type=2
not logged in: error not_logged_in type=2
calls: 0