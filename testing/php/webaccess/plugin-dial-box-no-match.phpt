--TEST--
Plugin: lookup (the dial box) offers nothing for a name nobody with a number has or for one letter, still searches one source when the other cannot be opened, and says address_book when neither can (logged without the text)
--EXTENSIONS--
click2dial
--INI--
error_log={PWD}/plugin-dial-box-no-match.log
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/dial-box.php';
$folders = array(array('display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true, 'items' => array(
	dial_box_contact(array('display_name' => 'Pat Contact', 'business_telephone_number' => '301')),
	dial_box_contact(array('display_name' => 'Pat Nonumber', 'business_fax_number' => '302')),
)));
$gab = array(
	array('display_name' => 'Pat Directory', 'business_telephone_number' => '401'),
	array('display_name' => 'Pat Mailonly'),
);
host_mapi_mailbox($folders, $gab);
plugin_login('alice', '0000');
echo 'nobody: ', dial_box('zed');
echo 'no number: ', dial_box('nonumber');
echo 'no number either: ', dial_box('mailonly');
echo 'one letter: ', dial_box(' p ');
echo 'both: ', dial_box('pat');
host_mapi_mailbox(null, $gab);
echo 'no store: ', dial_box('pat');
host_mapi_mailbox($folders, null);
echo 'no address book: ', dial_box('pat');
host_mapi_mailbox(null, null);
echo 'neither: ', dial_box('pat');
$log = file_get_contents(__DIR__ . '/plugin-dial-box-no-match.log');
echo 'logged: ', substr_count($log, 'the dial box could not search the contacts (MAPI error'), ' ',
	substr_count($log, 'the dial box could not search the global address book (MAPI error 0x80070005)'), "\n";
echo 'the text in the log: ', stripos($log, 'pat') === false ? 'no' : 'yes', "\n";
?>
--CLEAN--
<?php
@unlink(__DIR__ . '/plugin-dial-box-no-match.log');
?>
--EXPECT--
nobody: 0 lines
no number: 0 lines
no number either: 0 lines
one letter: 0 lines
both: 2 lines
  Pat Contact | contacts | business_telephone_number | 301 | 301
  Pat Directory | gab | business_telephone_number | 401 | 401
no store: 1 lines
  Pat Directory | gab | business_telephone_number | 401 | 401
no address book: 1 lines
  Pat Contact | contacts | business_telephone_number | 301 | 301
neither: 0 lines (error address_book)
logged: 2 2
the text in the log: no
