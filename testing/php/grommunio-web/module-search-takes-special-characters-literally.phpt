--TEST--
grommunio-web module: search passes the typed text to the MAPI restriction as it is: brackets, *, %, ?, quotes and backslashes match only themselves
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/search-host.php';
gw_search_data([['display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true, 'items' => [
	['display_name' => 'Ann (Sales)', 'business_telephone_number' => '301'],
	['display_name' => 'Ann Sales', 'business_telephone_number' => '302'],
	['display_name' => 'Desk 100%', 'business_telephone_number' => '303'],
	['display_name' => 'Desk 1000', 'business_telephone_number' => '304'],
	['display_name' => "O'Brien \"Bee\" a\\b", 'business_telephone_number' => '305'],
	['display_name' => 'Star*Line?', 'business_telephone_number' => '306'],
	['display_name' => 'Jörg Ünal', 'business_telephone_number' => '307'],
]]], [
	['display_name' => '[Reception]', 'smtp_address' => 'reception@example.com', 'office_telephone_number' => '401'],
	['display_name' => 'R Reception', 'smtp_address' => 'r@example.com', 'office_telephone_number' => '402'],
]);
gw_login('alice@example.com', '0000');
foreach (['(sales)', '100%', "o'brien \"bee\"", 'a\\b', '*line?', '.*', '**', '%%', '[reception]', 'jörg ünal', 'JÖRG'] as $query) {
	echo $query, ': ', gw_search($query);
}
?>
--EXPECT--
(sales): 1 matches
  Ann (Sales) | contacts | business_telephone_number | 301 | 301
100%: 1 matches
  Desk 100% | contacts | business_telephone_number | 303 | 303
o'brien "bee": 1 matches
  O'Brien "Bee" a\b | contacts | business_telephone_number | 305 | 305
a\b: 1 matches
  O'Brien "Bee" a\b | contacts | business_telephone_number | 305 | 305
*line?: 1 matches
  Star*Line? | contacts | business_telephone_number | 306 | 306
.*: 0 matches
**: 0 matches
%%: 0 matches
[reception]: 1 matches
  [Reception] | gab | office_telephone_number | 401 | 401
jörg ünal: 1 matches
  Jörg Ünal | contacts | business_telephone_number | 307 | 307
JÖRG: 1 matches
  Jörg Ünal | contacts | business_telephone_number | 307 | 307
