--TEST--
Plugin: lookup (the dial box) reads past the rows without a number (up to 50 per table) and lists at most eight numbers, the contacts' first, in name order
--EXTENSIONS--
click2dial
--INI--
error_log=/dev/null
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/dial-box.php';
$contacts = array();
// First by name, and without a number: only their e-mail addresses.
foreach (range(1, 6) as $n) {
	$contacts[] = dial_box_contact(array('display_name' => "Meyer A$n"));
}
foreach (range(1, 6) as $n) {
	$contacts[] = dial_box_contact(array('display_name' => "Meyer B$n", 'business_telephone_number' => "30$n"));
}
$gab = array();
foreach (range(1, 6) as $n) {
	$gab[] = array('display_name' => "GAB Meyer A$n");
	$gab[] = array('display_name' => "GAB Meyer B$n", 'business_telephone_number' => "40$n", 'mobile_telephone_number' => "50$n");
}
host_mapi_mailbox(array(array('display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true,
	'items' => array_reverse($contacts))), $gab);
plugin_login('alice', '0000');
echo 'meyer: ', dial_box('meyer');
echo 'gab meyer: ', dial_box('gab meyer');
?>
--EXPECT--
meyer: 8 lines
  Meyer B1 | contacts | business_telephone_number | 301 | 301
  Meyer B2 | contacts | business_telephone_number | 302 | 302
  Meyer B3 | contacts | business_telephone_number | 303 | 303
  Meyer B4 | contacts | business_telephone_number | 304 | 304
  Meyer B5 | contacts | business_telephone_number | 305 | 305
  Meyer B6 | contacts | business_telephone_number | 306 | 306
  GAB Meyer B1 | gab | business_telephone_number | 401 | 401
  GAB Meyer B1 | gab | mobile_telephone_number | 501 | 501
gab meyer: 8 lines
  GAB Meyer B1 | gab | business_telephone_number | 401 | 401
  GAB Meyer B1 | gab | mobile_telephone_number | 501 | 501
  GAB Meyer B2 | gab | business_telephone_number | 402 | 402
  GAB Meyer B2 | gab | mobile_telephone_number | 502 | 502
  GAB Meyer B3 | gab | business_telephone_number | 403 | 403
  GAB Meyer B3 | gab | mobile_telephone_number | 503 | 503
  GAB Meyer B4 | gab | business_telephone_number | 404 | 404
  GAB Meyer B4 | gab | mobile_telephone_number | 504 | 504
