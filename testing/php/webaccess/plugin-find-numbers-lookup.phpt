--TEST--
Plugin: lookup (the dial box) offers the session user's recent calls first, then the numbers of contacts and GAB users by name (each once, with its dial string); bounded query, another origin's page refused
--EXTENSIONS--
click2dial
--INI--
error_log=/dev/null
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/dial-box.php';
clear_calls();
$lookup = fn(string $query) => rtrim(dial_box($query));

plugin_login('alice', '0000');
echo $lookup(''), "\n";
echo $lookup('GABI'), "\n";
echo $lookup('jürgen'), "\n";
// One number under several labels (written differently) is offered once, under the first.
echo $lookup('dora'), "\n";
// A contact without a number is not offered; one letter searches nothing.
echo $lookup('Nina'), "\n";
echo $lookup('b'), "\n";
echo $lookup(str_repeat('a', 65)), "\n";

// Calls are remembered for the caller only, newest first, each once.
foreach (array('207', '208', '207') as $number) {
    plugin_request('<action type="call"><number>' . $number . '</number></action>');
}
echo $lookup(''), "\n";
echo $lookup('20'), "\n";
plugin_login('bob', '1234');
echo $lookup(''), "\n";

echo dial_box('carol', array('HTTP_ORIGIN' => 'https://evil.example'));
$_SESSION = array();
echo dial_box('carol');
?>
--EXPECT--
0 lines
2 lines
  Gabi Global | gab | business_telephone_number | +49 5331 939-124 | +495331939124
  Gabi Global | gab | mobile_telephone_number | +49 160 9876543 | +491609876543
1 lines
  Jürgen Überall | contacts | business_telephone_number | 208 | 208
3 lines
  Dora Doubled | contacts | business_telephone_number | +49 (30) 1234-568 | +49301234568
  Dora Doubled | contacts | cellular_telephone_number | 0171 555 0102 | 01715550102
  Dora Doubled | contacts | home_telephone_number | 209 | 209
0 lines
0 lines
0 lines
2 lines
  recent | 207 | 207
  recent | 208 | 208
2 lines
  recent | 207 | 207
  recent | 208 | 208
0 lines
error: error.kind=cross_site, error.message=
error: error.kind=not_logged_in, error.message=