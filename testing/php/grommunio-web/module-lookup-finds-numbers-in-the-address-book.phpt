--TEST--
grommunio-web module: lookup gives the phone numbers of the address book entry with an e-mail address (the hover card's Call), no_numbers when there are none, and nothing to another origin
--EXTENSIONS--
click2dial
--INI--
click2dial.directory={PWD}/fixtures/directory.csv
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/inc/module-host.php';
$book = $GLOBALS['gw_state'] . '/addressbook.json';
file_put_contents($book, json_encode([
	['display_name' => 'Bob Example', 'smtp_address' => 'bob@example.com', 'email_address' => 'bob@example.com',
		'office_telephone_number' => ' 207 ', 'mobile_telephone_number' => '0171 555', 'home_telephone_number' => ''],
	['display_name' => 'Only Mail', 'smtp_address' => 'only@example.com'],
	['display_name' => 'Twin One', 'smtp_address' => 'twin@example.com', 'office_telephone_number' => '1'],
	['display_name' => 'Twin Two', 'smtp_address' => 'twin@example.com', 'office_telephone_number' => '2'],
	['display_name' => 'Legacy', 'email_address' => 'legacy@example.com', 'pager_telephone_number' => '208'],
]));
putenv('C2D_ADDRESS_BOOK=' . $book);
gw_login('alice@example.com', '0000');

$show = function (array $reply): string {
	return isset($reply['success']) ? 'success ' . json_encode($reply['success']) : gw_show($reply);
};
echo 'by SMTP address: ', $show(gw_request('lookup', ['address' => 'BOB@example.com'])), "\n";
echo 'by e-mail address: ', $show(gw_request('lookup', ['address' => 'legacy@example.com'])), "\n";
echo 'no number: ', $show(gw_request('lookup', ['address' => 'only@example.com'])), "\n";
echo 'nobody: ', $show(gw_request('lookup', ['address' => 'stranger@elsewhere.example'])), "\n";
echo 'two entries: ', $show(gw_request('lookup', ['address' => 'twin@example.com'])), "\n";
echo 'no address: ', $show(gw_request('lookup', [])), "\n";
echo 'another origin: ', $show(gw_request('lookup', ['address' => 'bob@example.com'], ['CONTENT_TYPE' => 'text/plain', 'HTTP_ORIGIN' => 'https://evil.example'])), "\n";
putenv('C2D_ADDRESS_BOOK=' . $book . '.missing');
echo 'address book cannot be opened: ', $show(gw_request('lookup', ['address' => 'bob@example.com'])), "\n";
gw_login('', null);
echo 'not logged in: ', $show(gw_request('lookup', ['address' => 'bob@example.com'])), "\n";
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
by SMTP address: success {"display_name":"Bob Example","numbers":{"office_telephone_number":"207","mobile_telephone_number":"0171 555"}}
by e-mail address: success {"display_name":"Legacy","numbers":{"pager_telephone_number":"208"}}
no number: error no_numbers type=2
nobody: error no_numbers type=2
two entries: error no_numbers type=2
no address: error no_numbers type=2
another origin: error cross_origin type=2
address book cannot be opened: error address_book type=2
not logged in: error not_logged_in type=2
calls: 0
