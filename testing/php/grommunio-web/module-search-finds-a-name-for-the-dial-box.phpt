--TEST--
grommunio-web module: search (the dial box) finds an address book entry by a part of its name with its numbers, says when several match, and nothing to another origin
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
	['display_name' => 'Bob Example', 'smtp_address' => 'bob@example.com', 'office_telephone_number' => '207'],
	['display_name' => 'Carol Sample', 'smtp_address' => 'carol@example.com', 'office_telephone_number' => '202', 'mobile_telephone_number' => '0171 5550202'],
	['display_name' => 'Only Mail Sample', 'smtp_address' => 'only@example.com'],
]));
putenv('C2D_ADDRESS_BOOK=' . $book);
clear_calls();
gw_login('alice@example.com', '0000');
$show = fn (array $reply): string => isset($reply['success']) ? 'success ' . json_encode($reply['success']) : gw_show($reply);
echo 'first name: ', $show(gw_request('search', ['query' => 'bob'])), "\n";
echo 'beginning of words: ', $show(gw_request('search', ['query' => 'car sam'])), "\n";
echo 'several: ', $show(gw_request('search', ['query' => 'sample'])), "\n";
echo 'no number: ', $show(gw_request('search', ['query' => 'only'])), "\n";
echo 'nobody: ', $show(gw_request('search', ['query' => 'zed'])), "\n";
echo 'too long: ', $show(gw_request('search', ['query' => str_repeat('b', 129)])), "\n";
echo 'another origin: ', $show(gw_request('search', ['query' => 'bob'], ['CONTENT_TYPE' => 'text/plain', 'HTTP_ORIGIN' => 'https://evil.example'])), "\n";
gw_login('', null);
echo 'not logged in: ', $show(gw_request('search', ['query' => 'bob'])), "\n";
echo 'calls: ', count(recorded_calls()), "\n";
?>
--EXPECT--
first name: success {"matches":[{"display_name":"Bob Example","numbers":{"office_telephone_number":"207"}}]}
beginning of words: success {"matches":[{"display_name":"Carol Sample","numbers":{"office_telephone_number":"202","mobile_telephone_number":"0171 5550202"}}]}
several: error several_matches type=2
no number: error no_numbers type=2
nobody: error no_numbers type=2
too long: error no_numbers type=2
another origin: error cross_origin type=2
not logged in: error not_logged_in type=2
calls: 0