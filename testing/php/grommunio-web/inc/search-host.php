<?php
/*
 * For the dial box's search tests: a mailbox (contact folders) and a global address list of
 * their own, written as JSON for the MAPI stand-ins (testing/hosts/grommunio-web/server/
 * mapi-store.php and mapi-addressbook.php), and one line per search reply.
 */
require_once __DIR__ . '/module-host.php';

/** The user's folders below the IPM subtree (mapi-store.php's format) and the GAB's users. */
function gw_search_data(array $folders, array $gab): void
{
	$mailbox = $GLOBALS['gw_state'] . '/mailbox.json';
	$book = $GLOBALS['gw_state'] . '/addressbook.json';
	file_put_contents($mailbox, json_encode(['folders' => $folders]));
	file_put_contents($book, json_encode($gab));
	putenv('C2D_MAILBOX=' . $mailbox);
	putenv('C2D_ADDRESS_BOOK=' . $book);
}

/** A search reply: one line per match (name | source | field | number | dial), or the error. */
function gw_search(string $query, array $headers = []): string
{
	$reply = gw_request('search', ['query' => $query], $headers);
	if (!isset($reply['success'])) {
		return gw_show($reply);
	}
	$lines = array_map(fn (array $m) => implode(' | ', [$m['display_name'], $m['source'], $m['field'], $m['number'], $m['dial']]),
		$reply['success']['matches']);
	return count($lines) . " matches\n" . implode('', array_map(fn ($line) => "  $line\n", $lines));
}
