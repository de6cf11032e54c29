--TEST--
Plugin: lookup (the dial box) passes the typed text to the MAPI restriction as it is: brackets, *, %, ?, quotes and backslashes match only themselves
--EXTENSIONS--
click2dial
--INI--
error_log=/dev/null
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/dial-box.php';
$c = 'dial_box_contact';
host_mapi_mailbox(array(array('display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true, 'items' => array(
	$c(array('display_name' => 'Ann (Sales)', 'business_telephone_number' => '301')),
	$c(array('display_name' => 'Ann Sales', 'business_telephone_number' => '302')),
	$c(array('display_name' => 'Desk 100%', 'business_telephone_number' => '303')),
	$c(array('display_name' => 'Desk 1000', 'business_telephone_number' => '304')),
	$c(array('display_name' => "O'Brien \"Bee\" a\\b", 'business_telephone_number' => '305')),
	$c(array('display_name' => 'Star*Line?', 'business_telephone_number' => '306')),
	$c(array('display_name' => 'Jörg Ünal <b>', 'business_telephone_number' => '307')),
))), array(
	array('display_name' => '[Reception]', 'business_telephone_number' => '401'),
	array('display_name' => 'R Reception', 'business_telephone_number' => '402'),
));
plugin_login('alice', '0000');
foreach (array('(sales)', '100%', "o'brien \"bee\"", 'a\\b', '*line?', '.*', '**', '%%', '[reception]', 'jörg ünal <b>', 'JÖRG') as $query) {
	echo $query, ': ', dial_box($query);
}
?>
--EXPECT--
(sales): 1 lines
  Ann (Sales) | contacts | business_telephone_number | 301 | 301
100%: 1 lines
  Desk 100% | contacts | business_telephone_number | 303 | 303
o'brien "bee": 1 lines
  O'Brien "Bee" a\b | contacts | business_telephone_number | 305 | 305
a\b: 1 lines
  O'Brien "Bee" a\b | contacts | business_telephone_number | 305 | 305
*line?: 1 lines
  Star*Line? | contacts | business_telephone_number | 306 | 306
.*: 0 lines
**: 0 lines
%%: 0 lines
[reception]: 1 lines
  [Reception] | gab | business_telephone_number | 401 | 401
jörg ünal <b>: 1 lines
  Jörg Ünal <b> | contacts | business_telephone_number | 307 | 307
JÖRG: 1 lines
  Jörg Ünal <b> | contacts | business_telephone_number | 307 | 307
