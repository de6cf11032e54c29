--TEST--
grommunio-web module: search answers no matches for a name nobody with a number has, searches nothing for one letter, and still searches one source when the other cannot be opened
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/search-host.php';
gw_search_data([['display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true, 'items' => [
	['display_name' => 'Pat Contact', 'business_telephone_number' => '301'],
	['display_name' => 'Pat Nonumber', 'business_fax_number' => '302'],
]]], [
	['display_name' => 'Pat Directory', 'smtp_address' => 'pat@example.com', 'office_telephone_number' => '401'],
	['display_name' => 'Pat Mailonly', 'smtp_address' => 'patm@example.com'],
]);
gw_login('alice@example.com', '0000');
echo 'nobody: ', gw_search('zed');
echo 'no number: ', gw_search('nonumber');
echo 'no number either: ', gw_search('mailonly');
echo 'one letter: ', gw_search(' p ');
echo 'empty: ', gw_search('');
echo 'too long: ', gw_search(str_repeat('p', 129)), "\n";
echo 'both: ', gw_search('pat');
putenv('C2D_MAILBOX=' . $GLOBALS['gw_state'] . '/missing.json');
echo 'no store: ', gw_search('pat');
putenv('C2D_ADDRESS_BOOK=' . $GLOBALS['gw_state'] . '/missing.json');
echo 'neither: ', gw_search('pat'), "\n";
echo 'logged without the name: ', count(array_filter(gw_log(), fn ($line) => str_contains($line, 'dial box search in the contacts: MAPIException'))) > 0
	&& !array_filter(gw_log(), fn ($line) => str_contains($line, 'pat')) ? 'yes' : 'no', "\n";
?>
--EXPECT--
nobody: 0 matches
no number: 0 matches
no number either: 0 matches
one letter: 0 matches
empty: 0 matches
too long: error no_numbers type=2
both: 2 matches
  Pat Contact | contacts | business_telephone_number | 301 | 301
  Pat Directory | gab | office_telephone_number | 401 | 401
no store: 1 matches
  Pat Directory | gab | office_telephone_number | 401 | 401
neither: error address_book type=2
logged without the name: yes
