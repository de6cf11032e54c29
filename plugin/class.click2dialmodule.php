<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The request handler of the click2dial plugin, reached through zarafa.php as
 * <module name="click2dialmodule">. Actions:
 *   call         {number}: the PBX rings the logged-in user's phone, then dials number;
 *                -> {number, dialed, status, user, user_extension, placed_at, call_id, ticket};
 *   progress     {dialed, placed_at, user, user_extension, call_id, ticket}: what became of
 *                that call (Click2Dial\callStatus) -> {state, leg, code, dialed, placed_at}
 *                (state "unknown" with error when it cannot be told);
 *   getsettings  -> {credentials ("none" where the PBX takes no password), confirm,
 *                repeat_seconds, pin_stored, progress} (never the PIN);
 *   savepin      {pin}: hands the PIN to the extension's credential store (stored mode);
 *   clearpin     forgets the stored PIN;
 *   findnumbers  {piece, text}: the numbers in one piece of what the user reads (a mail body, a
 *                contact's field) -> numbers {piece, found: [{start, end, text, number, dial}]}
 *                (start/end are JavaScript string indices into text); the browser sends a body
 *                in pieces of at most 16 Ki characters, split at line breaks, at most
 *                MAX_PIECES per request. It reads nothing of the user's PBX account;
 *   lookup       {query}: the dial box -> matches {query, recent: [{number, dial}], match: [{name,
 *                source, field, number, dial}], error}: the last numbers this user called
 *                (containing query), then at most MAX_MATCHES numbers of the contacts and GAB
 *                users whose name holds it (class.click2dialdirectory.php; only for two
 *                characters or more), contacts first, each name's numbers in the order of
 *                click2dialdirectory's phone lists; field names the phone property (as
 *                WebAccess names it), number is as written (what the browser calls), dial as
 *                the PBX will dial it (Click2Dial\normalizeNumber; a number it refuses is left
 *                out); error address_book when neither source could be searched. The recent
 *                numbers are kept in the user's WebAccess settings (RECENT_SETTING): numbers
 *                only, nothing secret.
 * In stored mode the PIN is kept by the extension on the server (Click2Dial\storeCredential),
 * never in the user's WebAccess settings, which WebAccess writes into every page; calls pass
 * no password and the extension opens the stored one (see pinstore.php).
 * The caller is always the session's user; nothing in the request can change who calls. The
 * progress action reads the session user's calls only, and only about a call this session
 * placed: the browser echoes the call (modules cannot write the session) with the ticket the
 * call reply gave it (class.click2dialcallticket.php). No action runs on a request that a page
 * of another origin could have sent (class.click2dialrequestguard.php).
 */
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/class.click2dialrequestguard.php';
require_once __DIR__ . '/class.click2dialcallticket.php';
require_once __DIR__ . '/pinstore.php';
require_once __DIR__ . '/class.click2dialdirectory.php';

class click2dialmodule extends Module
{
	// Room for formatting, a tel: prefix and "ext. 12"; the extension caps the dialed number.
	const MAX_NUMBER_LENGTH = 256;
	// A piece of a body for findnumbers: the browser sends at most 16 Ki UTF-16 code units,
	// which are at most 48 KiB of UTF-8; at most 8 pieces (one 128 KiB body) per request.
	const MAX_PIECE_BYTES = 49152;
	const MAX_PIECES = 8;
	const MAX_QUERY_LENGTH = 64;
	// Numbers the dial box lists for a name.
	const MAX_MATCHES = 8;
	const RECENT_SETTING = 'zarafa/v1/plugins/click2dial/recent';
	const RECENT_COUNT = 5;

	function __construct($id, $data)
	{
		// WebAccess' Module has a PHP 4-style constructor, which PHP 8 does not run by itself;
		// a WebAccess ported to PHP 8 may have renamed it.
		if (method_exists('Module', '__construct')) {
			parent::__construct($id, $data);
		} else {
			parent::Module($id, $data);
		}
	}

	function execute()
	{
		// Before any action, so that none can skip it: every action either changes state, uses the
		// user's PBX credentials, or tells about them.
		if (!$this->requestFromOwnPage()) {
			$GLOBALS['bus']->addData($this->responseData);
			return true;
		}
		$result = false;
		$pieces = 0;
		foreach ($this->data as $action) {
			if (!isset($action['attributes']['type'])) {
				continue;
			}
			switch ($action['attributes']['type']) {
				case 'call':
					$this->call($action);
					$result = true;
					break;
				case 'progress':
					$this->progress($action);
					$result = true;
					break;
				case 'getsettings':
					$this->reply('settings', $this->publicSettings());
					$result = true;
					break;
				case 'savepin':
					$this->savePin($action);
					$result = true;
					break;
				case 'clearpin':
					$this->forgetPin();
					$result = true;
					break;
				case 'lookup':
					$this->lookup($action);
					$result = true;
					break;
				case 'findnumbers':
					$this->findNumbers($action, ++$pieces > self::MAX_PIECES);
					$result = true;
					break;
			}
		}
		if ($result) {
			$GLOBALS['bus']->addData($this->responseData);
		}
		return $result;
	}

	/**
	 * Whether WebAccess' own page sent this request (click2dialrequestguard says why that needs
	 * no token). A refused one gets an error reply and a line in the PHP error log, so the
	 * administrator can tell an attack, or a proxy that hides the address users see (see
	 * PLUGIN_CLICK2DIAL_ORIGINS), from a broken plugin.
	 */
	function requestFromOwnPage()
	{
		$refusal = click2dialrequestguard::refusal($_SERVER, PLUGIN_CLICK2DIAL_ORIGINS);
		if ($refusal === null) {
			return true;
		}
		error_log('click2dial plugin: refused a request that a page of another origin could have sent ('
			. $refusal . ') for user ' . click2dialrequestguard::printable($this->sessionUser()) . '; nothing was done');
		$this->fail('cross_site', '');
		return false;
	}

	/** The logged-in user as the extension expects it: WebAccess keeps it in Windows-1252. */
	function sessionUser()
	{
		$user = isset($_SESSION['username']) ? (string) $_SESSION['username'] : '';
		return $user === '' ? '' : iconv('Windows-1252', 'UTF-8', $user);
	}

	function credentialSource()
	{
		// A PBX that trusts the site (reSIProcate's clicktocall server) takes no password: no
		// PIN is asked, stored or sent. A wrong click2dial.pbx is left for makeCall to report.
		try {
			if (!Click2Dial\pbxAsksPassword()) {
				return 'none';
			}
		} catch (Throwable $e) {
		}
		$source = PLUGIN_CLICK2DIAL_CREDENTIALS;
		if ($source === '') {
			$source = ini_get('click2dial.credentials') ?: 'stored';
		}
		return $source;
	}

	function call($action)
	{
		$user = $this->sessionUser();
		if ($user === '') {
			return $this->fail('not_logged_in', '');
		}
		$number = isset($action['number']) && is_string($action['number']) ? trim($action['number']) : '';
		// Whether a number can be dialed is the extension's decision (sipXconfig's own rules and
		// the dial plan, which reads vanity numbers and tel: URIs); a second, stricter pattern
		// here would refuse numbers the PBX takes. Only empty or oversized text stops here.
		if ($number === '' || strlen($number) > self::MAX_NUMBER_LENGTH) {
			return $this->fail('invalid_number', '');
		}
		try {
			$password = $this->pbxPassword($user);
			if ($password === false) {
				return $this->fail('no_pin', '');
			}
			$call = Click2Dial\makeCall($number, $user, $password);
		} catch (Throwable $e) {
			return $this->fail($this->errorKind($e), $this->errorDetail($e));
		}
		$this->rememberCall($number);
		$this->reply('called', array(
			'number' => $number,
			'dialed' => $call['dialed'],
			'status' => $call['status'],
			'user' => $call['user'],
			'user_extension' => $call['user_extension'],
			'placed_at' => $call['placed_at'],
			'call_id' => $call['call_id'],
			'ticket' => click2dialcallticket::issue($call),
		));
	}

	function progress($action)
	{
		$user = $this->sessionUser();
		$field = function ($name) use ($action) {
			return isset($action[$name]) && is_string($action[$name]) ? $action[$name] : '';
		};
		$call = array(
			'user' => $field('user'),
			'user_extension' => $field('user_extension'),
			'dialed' => $field('dialed'),
			'placed_at' => $field('placed_at'),
			'call_id' => $field('call_id'),
		);
		$ticket = $field('ticket');
		$echo = array('dialed' => $call['dialed'], 'placed_at' => $call['placed_at']);
		if ($user === '' || !PLUGIN_CLICK2DIAL_SHOW_PROGRESS) {
			return $this->reply('progress', $echo + array('state' => 'unknown', 'error' => $user === '' ? 'not_logged_in' : 'disabled'));
		}
		foreach (array('user', 'user_extension', 'dialed') as $name) {
			if (strlen($call[$name]) > 64) {
				$call[$name] = '';
			}
		}
		if ($call['user'] === '' || $call['dialed'] === '' || !ctype_digit($call['placed_at'])
			|| strlen($call['placed_at']) > 15 || strlen($call['call_id']) !== 32 || !ctype_xdigit($call['call_id'])) {
			return $this->reply('progress', $echo + array('state' => 'unknown', 'error' => 'invalid_call'));
		}
		// Only a call this session placed: for a forged, altered or another session's call the
		// PBX is not asked, and the user's credentials are not even read.
		if (!click2dialcallticket::matches($call, $ticket)) {
			return $this->reply('progress', $echo + array('state' => 'unknown', 'error' => 'not_your_call'));
		}
		try {
			$password = $this->pbxPassword($user);
			if ($password === false) {
				return $this->reply('progress', $echo + array('state' => 'unknown', 'error' => 'no_pin'));
			}
			$status = Click2Dial\callStatus(array(
				'call_id' => strtolower($call['call_id']),
				'ring_timeout_ms' => 1000 * (int) PLUGIN_CLICK2DIAL_RING_TIMEOUT,
			), $password);
		} catch (Throwable $e) {
			$this->errorDetail($e);
			return $this->reply('progress', $echo + array('state' => 'unknown', 'error' => $this->errorKind($e)));
		}
		// The state, which leg it is about and a failure's SIP code; the server's own words
		// (reason) stay in the log, as every PBX detail does.
		$this->reply('progress', $echo + array(
			'state' => $status['state'],
			'leg' => (string) $status['leg'],
			'code' => $status['code'] === null ? '' : (string) $status['code'],
		));
	}

	/**
	 * The numbers in one piece of text. Only for a logged-in user, and only in bounded pieces:
	 * a piece too long, or one more than MAX_PIECES in a request, is answered with an error
	 * and not searched. Errors are answered as "numbers" with an error kind, not as "error":
	 * a body without links is no failure the user must be told about.
	 */
	function findNumbers($action, $tooMany)
	{
		$piece = isset($action['piece']) && is_string($action['piece']) && ctype_digit($action['piece'])
			&& strlen($action['piece']) < 10 ? $action['piece'] : '';
		$text = isset($action['text']) && is_string($action['text']) ? $action['text'] : '';
		$answer = array('piece' => $piece);
		if ($this->sessionUser() === '') {
			return $this->reply('numbers', $answer + array('error' => 'not_logged_in'));
		}
		if ($tooMany || strlen($text) > self::MAX_PIECE_BYTES) {
			return $this->reply('numbers', $answer + array('error' => 'too_long'));
		}
		try {
			$found = Click2Dial\findNumbers($text);
		} catch (ValueError $e) {
			// Not UTF-8: nothing to link.
			return $this->reply('numbers', $answer + array('error' => 'invalid_text'));
		} catch (Throwable $e) {
			$this->errorDetail($e);
			return $this->reply('numbers', $answer + array('error' => $this->errorKind($e)));
		}
		$numbers = array();
		foreach ($found as $number) {
			$numbers[] = array(
				'start' => $number['start'],
				'end' => $number['end'],
				'text' => $number['text'],
				'number' => $number['number'],
				'dial' => $number['dial'],
			);
		}
		// No <found> at all when nothing was found: an empty list would be one empty element.
		$this->reply('numbers', $numbers ? $answer + array('found' => $numbers) : $answer);
	}

	/**
	 * The dial box: the recent numbers holding the text first, then the numbers of the names
	 * holding it (two characters or more) in the contact folders and the GAB, at most
	 * MAX_MATCHES of them, each with its dial string. One source that cannot be searched leaves
	 * the other; neither: error address_book (logged without the text).
	 */
	function lookup($action)
	{
		$query = isset($action['query']) && is_string($action['query']) ? trim($action['query']) : '';
		if ($this->sessionUser() === '') {
			return $this->fail('not_logged_in', '');
		}
		if (strlen($query) > self::MAX_QUERY_LENGTH || preg_match('//u', $query) !== 1) {
			$query = '';
		}
		$answer = array('query' => $query);
		$recent = array();
		foreach ($this->recentCalls() as $number) {
			if ($query === '' || stripos($number, $query) !== false) {
				$recent[] = array('number' => $number, 'dial' => $this->dialString($number) ?: $number);
			}
		}
		if ($recent) {
			$answer['recent'] = $recent;
		}
		// One letter would list half the directory.
		if (preg_match('/^.{2,}$/us', $query) === 1) {
			$contacts = $this->searched('contacts', function () use ($query) { return click2dialdirectory::inContacts($query); });
			$gab = $this->searched('global address book', function () use ($query) { return click2dialdirectory::inGlobalAddressBook($query); });
			if ($contacts === null && $gab === null) {
				$answer['error'] = 'address_book';
			}
			$matches = $this->dialable(array_merge((array) $contacts, (array) $gab));
			if ($matches) {
				$answer['match'] = $matches;
			}
		}
		$this->reply('matches', $answer);
	}

	/** What $search found in one source, or null when it could not be searched (logged, without the text). */
	function searched($source, $search)
	{
		try {
			$found = $search();
		} catch (Throwable $e) {
			error_log('click2dial plugin: the dial box could not search the ' . $source . ': ' . get_class($e));
			return null;
		}
		if ($found === null) {
			error_log('click2dial plugin: the dial box could not search the ' . $source . ' (MAPI error '
				. (function_exists('mapi_last_hresult') ? sprintf('0x%08X', mapi_last_hresult() & 0xFFFFFFFF) : 'unknown') . ')');
		}
		return $found;
	}

	/**
	 * The first MAX_MATCHES numbers of the entries, as written and as the PBX will dial them; a
	 * number the extension cannot read or the dial plan refuses is left out, the same name and
	 * dial string once (one number under two labels, or a contact who is in the GAB too).
	 */
	function dialable(array $entries)
	{
		$matches = array();
		$seen = array();
		foreach ($entries as $entry) {
			foreach ($entry['numbers'] as $field => $number) {
				$dial = $this->dialString($number);
				$key = $entry['name'] . "\n" . $dial;
				if ($dial === null || isset($seen[$key])) {
					continue;
				}
				$seen[$key] = true;
				$matches[] = array('name' => $entry['name'], 'source' => $entry['source'], 'field' => $field, 'number' => $number, 'dial' => $dial);
				if (count($matches) === self::MAX_MATCHES) {
					return $matches;
				}
			}
		}
		return $matches;
	}

	/** The number as the PBX will dial it (Click2Dial\normalizeNumber), null when it cannot be dialed. */
	function dialString($number)
	{
		try {
			return Click2Dial\normalizeNumber($number);
		} catch (Click2Dial\InvalidNumberException $e) {
		} catch (Click2Dial\NumberNotAllowedException $e) {
		} catch (ValueError $e) {
		} catch (Click2Dial\Exception $e) {
			// A broken dial plan: the administrator's to fix; the number is not offered.
			$this->errorDetail($e);
		}
		return null;
	}

	/** The numbers this user called last, newest first. */
	function recentCalls()
	{
		if (!isset($GLOBALS['settings'])) {
			return array();
		}
		$stored = $GLOBALS['settings']->get(self::RECENT_SETTING, '');
		return is_string($stored) && $stored !== '' ? array_slice(explode("\n", $stored), 0, self::RECENT_COUNT) : array();
	}

	function rememberCall($number)
	{
		if (!isset($GLOBALS['settings'])) {
			return;
		}
		$recent = array_values(array_diff($this->recentCalls(), array($number)));
		array_unshift($recent, $number);
		$GLOBALS['settings']->set(self::RECENT_SETTING, implode("\n", array_slice($recent, 0, self::RECENT_COUNT)));
	}

	/**
	 * The password to call with: the session's in session mode; null lets the extension find it
	 * (its credential store in stored mode, the directory in directory mode); false: stored mode
	 * and the user has stored no PIN.
	 */
	function pbxPassword($user)
	{
		switch ($this->credentialSource()) {
			case 'session':
				$stored = isset($_SESSION['password']) ? (string) $_SESSION['password'] : '';
				return Click2Dial\decryptSessionPassword($stored,
					defined('PASSWORD_KEY') ? PASSWORD_KEY : '', defined('PASSWORD_IV') ? PASSWORD_IV : '');
			case 'directory':
			case 'none':
				return null;
			default:
				click2dial_move_pin($user);
				return Click2Dial\hasStoredCredential($user) ? null : false;
		}
	}

	function errorKind(Throwable $e)
	{
		$kinds = array(
			'Click2Dial\AuthenticationException' => 'wrong_pin',
			'Click2Dial\CredentialException' => 'credential',
			'Click2Dial\InvalidNumberException' => 'invalid_number',
			'Click2Dial\NumberNotAllowedException' => 'not_allowed',
			'Click2Dial\UnknownUserException' => 'unknown_user',
			'Click2Dial\PbxUnreachableException' => 'unreachable',
			'Click2Dial\PbxRejectedException' => 'rejected',
			'Click2Dial\RateLimitedException' => 'rate_limited',
			'Click2Dial\ConfigurationException' => 'configuration',
		);
		$class = get_class($e);
		return isset($kinds[$class]) ? $kinds[$class] : 'internal';
	}

	/**
	 * What the user may see of an error: the dial plan's reason, the wait; never server details.
	 * What only the administrator can fix goes to the PHP error log, in the extension's words
	 * (which never hold a secret).
	 */
	function errorDetail(Throwable $e)
	{
		if ($e instanceof Click2Dial\PbxUnreachableException || $e instanceof Click2Dial\PbxRejectedException
			|| $e instanceof Click2Dial\ConfigurationException || get_class($e) === 'Click2Dial\Exception') {
			error_log('click2dial plugin: ' . get_class($e) . ': ' . $e->getMessage());
		}
		if ($e instanceof Click2Dial\NumberNotAllowedException || $e instanceof Click2Dial\RateLimitedException) {
			return $e->getMessage();
		}
		if ($e instanceof Click2Dial\PbxRejectedException) {
			return (string) $e->getCode();
		}
		if (!($e instanceof Click2Dial\Exception)) {
			error_log('click2dial plugin: ' . $e);
		}
		return '';
	}

	function savePin($action)
	{
		$user = $this->sessionUser();
		$pin = isset($action['pin']) && is_string($action['pin']) ? $action['pin'] : '';
		if ($user === '' || $pin === '') {
			return $this->fail('empty_pin', '');
		}
		// Only stored mode keeps PINs: elsewhere one would lie unused in the store (and with a
		// PBX that takes no password there is none to keep).
		if ($this->credentialSource() !== 'stored') {
			return $this->fail('not_stored_mode', '');
		}
		try {
			// A token of an earlier version goes first, so that it cannot overwrite this PIN.
			click2dial_move_pin($user);
			Click2Dial\storeCredential($user, $pin);
		} catch (Click2Dial\Exception $e) {
			$this->errorDetail($e);
			return $this->fail($this->errorKind($e), '');
		}
		$this->reply('settings', $this->publicSettings(true));
	}

	function forgetPin()
	{
		$user = $this->sessionUser();
		if ($user === '') {
			return $this->fail('not_logged_in', '');
		}
		try {
			click2dial_move_pin($user);
			Click2Dial\forgetCredential($user);
		} catch (Click2Dial\Exception $e) {
			$this->errorDetail($e);
			return $this->fail($this->errorKind($e), '');
		}
		$this->reply('settings', $this->publicSettings(true));
	}

	/** $changed: the reply to a change, so the browser can tell it from an older answer. */
	function publicSettings($changed = false)
	{
		return array(
			'changed' => $changed ? 1 : 0,
			'credentials' => $this->credentialSource(),
			'confirm' => PLUGIN_CLICK2DIAL_CONFIRM ? 1 : 0,
			'repeat_seconds' => (int) PLUGIN_CLICK2DIAL_REPEAT_SECONDS,
			'pin_stored' => $this->pinStored() ? 1 : 0,
			'progress' => PLUGIN_CLICK2DIAL_SHOW_PROGRESS ? 1 : 0,
		);
	}

	/** Whether the extension keeps a PIN for the session's user (stored mode only). */
	function pinStored()
	{
		$user = $this->sessionUser();
		if ($user === '' || $this->credentialSource() !== 'stored') {
			return false;
		}
		try {
			click2dial_move_pin($user);
			return Click2Dial\hasStoredCredential($user);
		} catch (Click2Dial\Exception $e) {
			// A store that cannot be used shows as no PIN; the call says why, the log says more.
			$this->errorDetail($e);
			return false;
		}
	}

	function reply($type, $fields)
	{
		$fields['attributes'] = array('type' => $type);
		$this->responseData['action'][] = $fields;
	}

	/** Like Module::sendFeedback(false, ...), with a kind the browser turns into advice. */
	function fail($kind, $detail)
	{
		$this->responseData['action'][] = array(
			'attributes' => array('type' => 'error'),
			'error' => array('kind' => $kind, 'message' => $detail),
		);
	}
}
