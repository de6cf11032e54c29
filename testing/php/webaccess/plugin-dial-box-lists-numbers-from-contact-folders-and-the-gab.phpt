--TEST--
Plugin: lookup (the dial box) lists the numbers of every name holding the text from all the user's contact folders (subfolders and other contact folders, not those in Deleted Items; contacts only), then the GAB, each as written and as it will be dialed; only for the session's own page
--EXTENSIONS--
click2dial
--INI--
error_log=/dev/null
click2dial.dialplan={PWD}/../fixtures/dialplan-de.toml
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/dial-box.php';
$c = 'dial_box_contact';
host_mapi_mailbox(array(
	array('display_name' => 'Inbox', 'container_class' => 'IPF.Note', 'items' => array(
		$c(array('message_class' => 'IPM.Note', 'display_name' => 'Smith wrote', 'business_telephone_number' => '030 5550230')),
	)),
	array('display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true, 'items' => array(
		$c(array('display_name' => 'Sam Smith', 'cellular_telephone_number' => '0171 5550212', 'business_telephone_number' => ' 030 5550213 ',
			'business_fax_number' => '030 5550299', 'other_telephone_number' => '030 5550213')),
		$c(array('display_name' => 'Anna SMITHERS', 'home_telephone_number' => '0900 1234567', 'car_telephone_number' => '0160 5550218')),
		$c(array('display_name' => 'Smith family', 'message_class' => 'IPM.DistList', 'business_telephone_number' => '030 5550220')),
		$c(array('display_name' => 'Smithy Faxonly', 'business_fax_number' => '030 5550221', 'primary_fax_number' => '030 5550222')),
		$c(array('display_name' => 'Jo Smith', 'business_telephone_number' => 'n/a')),
		$c(array('display_name' => 'Bob Jones', 'business_telephone_number' => '030 5550222')),
	), 'folders' => array(
		array('display_name' => 'Suppliers', 'container_class' => 'IPF.Contact', 'folders' => array(
			array('display_name' => 'Abroad', 'container_class' => 'IPF.Contact', 'items' => array(
				$c(array('display_name' => 'Kim Smith (Supplies)', 'company_telephone_number' => '+49 5331 939-223')),
			)),
		)),
	)),
	array('display_name' => 'Club', 'container_class' => 'IPF.Contact.Custom', 'items' => array(
		$c(array('display_name' => 'Lou Smith', 'radio_telephone_number' => '030 5550224', 'ttytdd_telephone_number' => '030 5550225')),
	)),
	array('display_name' => 'Deleted Items', 'container_class' => 'IPF.Note', 'wastebasket' => true, 'folders' => array(
		array('display_name' => 'Old contacts', 'container_class' => 'IPF.Contact', 'items' => array(
			$c(array('display_name' => 'Deleted Smith', 'business_telephone_number' => '030 5550226')),
		)),
	)),
	array('display_name' => 'Notes about Smith', 'container_class' => 'IPF.StickyNote', 'items' => array(
		$c(array('display_name' => 'Call Smith', 'message_class' => 'IPM.StickyNote', 'business_telephone_number' => '030 5550227')),
	)),
), array(
	array('display_name' => 'Sam Smith', 'business_telephone_number' => '030 5550213', 'mobile_telephone_number' => '214'),
	array('display_name' => 'Zoe Smith', 'business_telephone_number' => '215', 'home2_telephone_number' => '030 5550228',
		'primary_fax_number' => '030 5550229'),
	array('display_name' => 'Smith, Mailonly'),
));
clear_calls();
plugin_login('alice', '0000');
echo 'smith: ', dial_box('smith');
echo 'case and a part of a word: ', dial_box('THERS');
echo 'another origin: ', dial_box('smith', array('HTTP_ORIGIN' => 'https://evil.example'));
echo 'from a page of another site: ', dial_box('smith', array('HTTP_SEC_FETCH_SITE' => 'cross-site', 'HTTP_ORIGIN' => null));
$_SESSION = array();
echo 'not logged in: ', dial_box('smith');
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
smith: 8 lines
  Anna SMITHERS | contacts | car_telephone_number | 0160 5550218 | 001605550218
  Sam Smith | contacts | business_telephone_number | 030 5550213 | 00305550213
  Sam Smith | contacts | cellular_telephone_number | 0171 5550212 | 001715550212
  Kim Smith (Supplies) | contacts | company_telephone_number | +49 5331 939-223 | 223
  Lou Smith | contacts | radio_telephone_number | 030 5550224 | 00305550224
  Lou Smith | contacts | ttytdd_telephone_number | 030 5550225 | 00305550225
  Sam Smith | gab | mobile_telephone_number | 214 | 214
  Zoe Smith | gab | business_telephone_number | 215 | 215
case and a part of a word: 1 lines
  Anna SMITHERS | contacts | car_telephone_number | 0160 5550218 | 001605550218
another origin: error: error.kind=cross_site, error.message=
from a page of another site: error: error.kind=cross_site, error.message=
not logged in: error: error.kind=not_logged_in, error.message=
calls: 0
