--TEST--
grommunio-web module: search (the dial box) lists the numbers of every name holding the text, from the user's contact folders first and the global address list, each as it will be dialed; only for the session's own page
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
click2dial.dialplan={PWD}/../fixtures/dialplan-de.toml
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/search-host.php';
gw_search_data([
	['display_name' => 'Inbox', 'container_class' => 'IPF.Note'],
	['display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true, 'items' => [
		['display_name' => 'Sam Smith', 'cellular_telephone_number' => '0171 5550212', 'business_telephone_number' => ' 030 5550213 ',
			'business_fax_number' => '030 5550299', 'other_telephone_number' => '030 5550213'],
		['display_name' => 'Anna SMITHERS', 'home_telephone_number' => '0900 1234567', 'car_telephone_number' => '0160 5550218'],
		['display_name' => 'Smith family', 'message_class' => 'IPM.DistList', 'business_telephone_number' => '030 5550220'],
		['display_name' => 'Smithy Faxonly', 'business_fax_number' => '030 5550221'],
		['display_name' => 'Jo Smith', 'business_telephone_number' => 'n/a'],
		['display_name' => 'Bob Jones', 'business_telephone_number' => '030 5550222'],
	], 'folders' => [
		['display_name' => 'Suppliers', 'container_class' => 'IPF.Contact', 'items' => [
			['display_name' => 'Kim Smith (Supplies)', 'company_telephone_number' => '030 5550223'],
		]],
	]],
	['display_name' => 'Club', 'container_class' => 'IPF.Contact.Custom', 'items' => [
		['display_name' => 'Lou Smith', 'radio_telephone_number' => '030 5550224'],
	]],
	['display_name' => 'Hidden contacts', 'container_class' => 'IPF.Contact', 'hidden' => true, 'items' => [
		['display_name' => 'Hidden Smith', 'business_telephone_number' => '030 5550225'],
	]],
	['display_name' => 'Deleted Items', 'container_class' => 'IPF.Note', 'folders' => [
		['display_name' => 'Old contacts', 'container_class' => 'IPF.Contact', 'items' => [
			['display_name' => 'Deleted Smith', 'business_telephone_number' => '030 5550226'],
		]],
	]],
	['display_name' => 'Notes about Smith', 'container_class' => 'IPF.StickyNote', 'items' => [
		['display_name' => 'Call Smith', 'message_class' => 'IPM.StickyNote', 'business_telephone_number' => '030 5550227'],
	]],
], [
	['display_name' => 'Sam Smith', 'smtp_address' => 'sam@example.com', 'office_telephone_number' => '030 5550213', 'mobile_telephone_number' => '214'],
	['display_name' => 'Zoe Smith', 'smtp_address' => 'zoe@example.com', 'office_telephone_number' => '215', 'home2_telephone_number' => '030 5550228'],
	['display_name' => 'Smith, Mailonly', 'smtp_address' => 'mailonly@example.com'],
]);
clear_calls();
gw_login('alice@example.com', '0000');
echo 'smith: ', gw_search('smith');
echo 'case and a part of a word: ', gw_search('THERS');
echo 'another origin: ', gw_search('smith', ['CONTENT_TYPE' => 'text/plain', 'HTTP_ORIGIN' => 'https://evil.example']), "\n";
echo 'from a page of another site: ', gw_search('smith', ['HTTP_SEC_FETCH_SITE' => 'cross-site', 'HTTP_ORIGIN' => null]), "\n";
echo 'refusals logged: ', count(array_filter(gw_log(), fn ($line) => str_contains($line, 'refused a request'))), "\n";
gw_login('', null);
echo 'not logged in: ', gw_search('smith'), "\n";
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
smith: 8 matches
  Anna SMITHERS | contacts | car_telephone_number | 0160 5550218 | 001605550218
  Sam Smith | contacts | business_telephone_number | 030 5550213 | 00305550213
  Sam Smith | contacts | cellular_telephone_number | 0171 5550212 | 001715550212
  Kim Smith (Supplies) | contacts | company_telephone_number | 030 5550223 | 00305550223
  Lou Smith | contacts | radio_telephone_number | 030 5550224 | 00305550224
  Sam Smith | gab | mobile_telephone_number | 214 | 214
  Zoe Smith | gab | office_telephone_number | 215 | 215
  Zoe Smith | gab | home2_telephone_number | 030 5550228 | 00305550228
case and a part of a word: 1 matches
  Anna SMITHERS | contacts | car_telephone_number | 0160 5550218 | 001605550218
another origin: error cross_origin type=2
from a page of another site: error cross_origin type=2
refusals logged: 2
not logged in: error not_logged_in type=2
calls: 0
