--TEST--
grommunio-web module: search lists at most eight numbers of a name many entries hold, the contacts' first, in name order
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/search-host.php';
$contacts = [];
foreach (range(1, 6) as $n) {
	$contacts[] = ['display_name' => "Meyer $n", 'business_telephone_number' => "30$n"];
}
$gab = [];
foreach (range(1, 6) as $n) {
	$gab[] = ['display_name' => "GAB Meyer $n", 'smtp_address' => "meyer$n@example.com", 'office_telephone_number' => "40$n", 'mobile_telephone_number' => "50$n"];
}
gw_search_data([['display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true, 'items' => array_reverse($contacts)]], $gab);
gw_login('alice@example.com', '0000');
echo 'meyer: ', gw_search('meyer');
?>
--EXPECT--
meyer: 8 matches
  Meyer 1 | contacts | business_telephone_number | 301 | 301
  Meyer 2 | contacts | business_telephone_number | 302 | 302
  Meyer 3 | contacts | business_telephone_number | 303 | 303
  Meyer 4 | contacts | business_telephone_number | 304 | 304
  Meyer 5 | contacts | business_telephone_number | 305 | 305
  Meyer 6 | contacts | business_telephone_number | 306 | 306
  GAB Meyer 1 | gab | office_telephone_number | 401 | 401
  GAB Meyer 1 | gab | mobile_telephone_number | 501 | 501
