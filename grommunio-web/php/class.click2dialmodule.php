<?php
/*
 * The click2dial plugin's module for grommunio-web, reached as module "click2dialmodule" through
 * grommunio.php. Actions (the request's JSON: {"call": {...}}):
 *   call      {number}: the PBX rings the logged-in user's phone, then dials number ->
 *             success {number, dialed, status, user, user_extension, placed_at, call_id, ticket};
 *   progress  {dialed, placed_at, user, user_extension, call_id, ticket}: what became of a call
 *             this session placed (Click2Dial\callStatus, for either PBX) -> success {state,
 *             leg, code, dialed, placed_at}: state requested / ringing / connected (the user's
 *             phone), calling / answered (the number's), ended, not_answered or failed, leg
 *             "initiator" or "destination" where the PBX tells it, code a failure's SIP status;
 *             state "unknown" with error when it cannot be told;
 *   lookup    {address}: the numbers of the address book entry with that e-mail address (the
 *             hover card's sender or recipient) -> success {display_name, numbers: {field: number}};
 *             error no_numbers when it has none or there is no such entry;
 *   findnumbers {text}: the phone numbers in one piece of text the user reads (a mail body,
 *             a contact, an address book entry; at most MAX_PIECE_BYTES, split at line
 *             breaks by the client) -> success {numbers: [{start, end, text, number, dial,
 *             extension}]}, start/end UTF-16 offsets into text (Click2Dial\findNumbers);
 *             error too_long for a longer piece;
 *   search    {query}: the dial box's name (a typed number the client calls itself), looked
 *             for in the user's contact folders and the global address list (class.
 *             click2dialnamesearch.php) -> success {matches: [{display_name, source, field,
 *             number, dial}]}: at most MAX_MATCHES numbers, contacts first, each entry's
 *             numbers in the client's order, number as written (what the client calls), dial
 *             as the PBX will dial it (Click2Dial\normalizeNumber; a number the dial plan
 *             refuses is left out); [] when none (or the text is shorter than two characters);
 *             error address_book when neither source can be searched, no_numbers for a text
 *             longer than MAX_QUERY_LENGTH;
 *   settings  {} / {pin} / {forget: true}: the user's click2dial settings, after storing or
 *             forgetting the PIN in stored mode -> success {credentials, pin_stored, changed};
 *             credentials "none" where the PBX takes no password (no PIN is asked or kept).
 *             The PIN never leaves the server, not even sealed.
 * Failures -> error {type, info: {kind, detail, display_message}}; the client turns kind into
 * advice in the user's language, display_message is the English fallback.
 *
 * The caller is always the session's user ($GLOBALS['mapisession']->getUserName(): the login
 * with its domain); nothing in the request can change who calls. Whether a text is a number and
 * may be dialed is the extension's decision. No action runs on a request that a page of another
 * origin could have sent (class.click2dialrequestguard.php). grommunio-web holds every other
 * request of the browser tab while a module runs, so each action is short: call returns when the
 * PBX answers (bounded by the extension's time-outs), progress asks the PBX (or the call's
 * record) once.
 */
if (!defined('PLUGIN_CLICK2DIAL_CREDENTIALS')) {
	require_once __DIR__ . '/../config.php';
}
require_once __DIR__ . '/plugin.click2dial.php';
require_once __DIR__ . '/class.click2dialrequestguard.php';
require_once __DIR__ . '/class.click2dialcallticket.php';
require_once __DIR__ . '/class.click2dialaddressbook.php';
require_once __DIR__ . '/class.click2dialnamesearch.php';

class Click2DialModule extends Module
{
	// Room for formatting, a tel: prefix and "ext. 12"; the extension caps the dialed number.
	const MAX_NUMBER_LENGTH = 256;
	const MAX_PIN_LENGTH = 256;
	// A piece of a body: the client splits at line breaks below this. The extension takes up to
	// 128 KiB, but each action holds the browser tab's other requests while it runs.
	const MAX_PIECE_BYTES = 16384;
	const MAX_QUERY_LENGTH = 128;
	// What the dial box lists of a name: a few numbers to choose from.
	const MAX_MATCHES = 8;

	// Extension exception -> what the client tells the user (it has the translations).
	const KINDS = [
		'Click2Dial\AuthenticationException' => 'wrong_pin',
		'Click2Dial\CredentialException' => 'credential',
		'Click2Dial\InvalidNumberException' => 'invalid_number',
		'Click2Dial\NumberNotAllowedException' => 'not_allowed',
		'Click2Dial\UnknownUserException' => 'unknown_user',
		'Click2Dial\PbxUnreachableException' => 'unreachable',
		'Click2Dial\PbxRejectedException' => 'rejected',
		'Click2Dial\RateLimitedException' => 'rate_limited',
		'Click2Dial\ConfigurationException' => 'configuration',
	];

	// English fallbacks, for a client without the plugin's translations (never server details).
	const MESSAGES = [
		'cross_origin' => 'This request did not come from grommunio-web; no call was placed.',
		'not_logged_in' => 'You are not logged in.',
		'invalid_number' => 'This is not a phone number that can be called.',
		'no_pin' => 'Enter your phone PIN in Settings -> Click2Dial first.',
		'no_password' => 'Your login password is not available to call with; log in again.',
		'wrong_pin' => 'The PBX refused your PIN.',
		'credential' => 'Your stored PIN cannot be opened; enter it again.',
		'not_allowed' => 'You may not call this number.',
		'unknown_user' => 'No phone is set up for your account.',
		'unreachable' => 'The PBX cannot be reached.',
		'rejected' => 'The PBX did not place the call.',
		'rate_limited' => 'Too many calls; wait a moment.',
		'configuration' => 'Click-to-call is not set up on this server.',
		'empty_pin' => 'Enter a PIN.',
		'no_numbers' => 'The address book has no phone number for this person.',
		'address_book' => 'The address book cannot be searched now.',
		'not_stored_mode' => 'PINs are not stored on this server.',
		'unknown_action' => 'Unknown request.',
		'too_long' => 'This text is too long to look for numbers in.',
		'internal' => 'Something went wrong; no call was placed.',
	];

	public function execute()
	{
		// Before any action, so that none can skip it: each either places a call, uses the user's
		// PBX credentials or tells about them.
		$refusal = Click2DialRequestGuard::refusal($_SERVER, (string) PLUGIN_CLICK2DIAL_ORIGINS);
		if ($refusal !== null) {
			error_log('click2dial plugin: refused a request that a page of another origin could have sent ('
				. $refusal . ') for user ' . Click2DialRequestGuard::printable($this->sessionUser()) . '; nothing was done');
			$this->fail('cross_origin');
			return;
		}
		foreach ($this->data as $actionType => $actionData) {
			$actionData = is_array($actionData) ? $actionData : [];
			match ($actionType) {
				'call' => $this->call($actionData),
				'progress' => $this->progress($actionData),
				'lookup' => $this->lookup($actionData),
				'findnumbers' => $this->findNumbers($actionData),
				'search' => $this->search($actionData),
				'settings' => $this->settings($actionData),
				default => $this->fail('unknown_action'),
			};
		}
	}

	/** The logged-in user, as grommunio-web logged them in (alice@example.com). */
	private function sessionUser(): string
	{
		return isset($GLOBALS['mapisession']) ? (string) $GLOBALS['mapisession']->getUserName() : '';
	}

	private function call(array $action): void
	{
		$user = $this->sessionUser();
		if ($user === '') {
			$this->fail('not_logged_in');
			return;
		}
		$number = self::text($action, 'number');
		// The extension decides what can be dialed (sipXconfig's rules and the dial plan, which
		// reads vanity numbers and tel: URIs); only empty or oversized text stops here.
		$number = trim($number);
		if ($number === '' || strlen($number) > self::MAX_NUMBER_LENGTH) {
			$this->fail('invalid_number');
			return;
		}
		try {
			$password = $this->pbxPassword($user);
			if ($password === false) {
				return;
			}
			$call = Click2Dial\makeCall($number, $user, $password);
		} catch (Throwable $e) {
			$this->failWith($e);
			return;
		}
		$this->sendFeedback(true, [
			'number' => $number,
			'dialed' => $call['dialed'],
			'status' => $call['status'],
			'user' => $call['user'],
			'user_extension' => $call['user_extension'],
			'placed_at' => (string) $call['placed_at'],
			'call_id' => $call['call_id'],
			'ticket' => Click2DialCallTicket::issue($call),
		]);
	}

	private function progress(array $action): void
	{
		$call = [];
		foreach (Click2DialCallTicket::FIELDS as $name) {
			$call[$name] = substr(self::text($action, $name), 0, 64);
		}
		$echo = ['dialed' => $call['dialed'], 'placed_at' => $call['placed_at']];
		$user = $this->sessionUser();
		if ($user === '' || !PLUGIN_CLICK2DIAL_SHOW_PROGRESS) {
			$this->sendFeedback(true, $echo + ['state' => 'unknown', 'error' => $user === '' ? 'not_logged_in' : 'disabled']);
			return;
		}
		if ($call['user'] === '' || $call['dialed'] === '' || !ctype_digit($call['placed_at'])
			|| strlen($call['placed_at']) > 15 || strlen($call['call_id']) !== 32 || !ctype_xdigit($call['call_id'])) {
			$this->sendFeedback(true, $echo + ['state' => 'unknown', 'error' => 'invalid_call']);
			return;
		}
		// Only a call this session placed: for a forged, altered or another session's call (the
		// ticket binds the call id as well) the PBX is not asked, and the user's credentials are
		// not even read.
		if (!Click2DialCallTicket::matches($call, self::text($action, 'ticket'))) {
			$this->sendFeedback(true, $echo + ['state' => 'unknown', 'error' => 'not_your_call']);
			return;
		}
		try {
			$password = $this->pbxPassword($user, false);
			if ($password === false) {
				$this->sendFeedback(true, $echo + ['state' => 'unknown', 'error' => 'no_pin']);
				return;
			}
			$status = Click2Dial\callStatus([
				'call_id' => strtolower($call['call_id']),
				'ring_timeout_ms' => 1000 * (int) PLUGIN_CLICK2DIAL_RING_TIMEOUT,
			], $password);
		} catch (Throwable $e) {
			$this->logFor($e);
			$this->sendFeedback(true, $echo + ['state' => 'unknown', 'error' => self::kindOf($e)]);
			return;
		}
		// The state, which leg it is about and a failure's SIP code; the PBX's own words (reason)
		// stay on the server, as every PBX detail does.
		$this->sendFeedback(true, $echo + [
			'state' => $status['state'],
			'leg' => (string) $status['leg'],
			'code' => $status['code'] === null ? '' : (string) $status['code'],
		]);
	}

	/** One exact lookup in the user's address book; no PBX is asked. */
	private function lookup(array $action): void
	{
		$address = trim(self::text($action, 'address'));
		if ($this->sessionUser() === '') {
			$this->fail('not_logged_in');
			return;
		}
		if ($address === '' || strlen($address) > self::MAX_NUMBER_LENGTH) {
			$this->fail('no_numbers');
			return;
		}
		$entry = $this->inAddressBook('lookup', fn ($book) => Click2DialAddressBook::entry($book, $address));
		if ($entry === false) {
			return;
		}
		if ($entry === null || $entry['numbers'] === []) {
			$this->fail('no_numbers');
			return;
		}
		$this->sendFeedback(true, ['display_name' => $entry['display_name'], 'numbers' => $entry['numbers']]);
	}

	/**
	 * The numbers in one piece of text. No PBX is asked and nothing is dialed; whether each
	 * number may be dialed is the dial plan's word (findNumbers leaves out what it refuses).
	 */
	private function findNumbers(array $action): void
	{
		if ($this->sessionUser() === '') {
			$this->fail('not_logged_in');
			return;
		}
		$text = self::text($action, 'text');
		if (strlen($text) > self::MAX_PIECE_BYTES) {
			$this->fail('too_long');
			return;
		}
		try {
			$numbers = Click2Dial\findNumbers($text);
		} catch (ValueError $e) {
			// Not UTF-8: json_decode gives only UTF-8, so a caller that is not the client.
			$this->fail('too_long');
			return;
		} catch (Throwable $e) {
			$this->failWith($e);
			return;
		}
		$this->sendFeedback(true, ['numbers' => $numbers]);
	}

	/**
	 * The dial box: a name the user typed (the client calls a number at once), looked for in the
	 * user's contact folders and the global address list; each number found once per name, as
	 * written and as it will be dialed. One source that cannot be searched leaves the other.
	 */
	private function search(array $action): void
	{
		if ($this->sessionUser() === '') {
			$this->fail('not_logged_in');
			return;
		}
		$query = trim(self::text($action, 'query'));
		if (strlen($query) > self::MAX_QUERY_LENGTH) {
			$this->fail('no_numbers');
			return;
		}
		// One letter would list half the address book.
		if (preg_match('/^.{2,}$/us', $query) !== 1) {
			$this->sendFeedback(true, ['matches' => []]);
			return;
		}
		$contacts = $this->searched('contacts', fn () => Click2DialNameSearch::inContacts($GLOBALS['mapisession']->getDefaultMessageStore(), $query));
		$gab = $this->searched('global address list', function () use ($query) {
			$book = $this->addressBook();
			return $book === null ? null : Click2DialNameSearch::inGlobalAddressList($book, $query);
		});
		if ($contacts === null && $gab === null) {
			$this->fail('address_book');
			return;
		}
		try {
			$matches = self::dialable(array_merge($contacts ?? [], $gab ?? []));
		} catch (Throwable $e) {
			$this->failWith($e);
			return;
		}
		$this->sendFeedback(true, ['matches' => $matches]);
	}

	/**
	 * The first MAX_MATCHES numbers of the entries, each with its dial string; a number the
	 * extension cannot read or the dial plan refuses is left out, the same name and dial string
	 * once (a contact who is in the global address list too).
	 */
	private static function dialable(array $entries): array
	{
		$matches = [];
		$seen = [];
		foreach ($entries as $entry) {
			foreach ($entry['numbers'] as $field => $number) {
				try {
					$dial = Click2Dial\normalizeNumber($number);
				} catch (Click2Dial\InvalidNumberException | Click2Dial\NumberNotAllowedException | ValueError $e) {
					continue;
				}
				$key = $entry['display_name'] . "\n" . $dial;
				if (isset($seen[$key])) {
					continue;
				}
				$seen[$key] = true;
				$matches[] = ['display_name' => $entry['display_name'], 'source' => $entry['source'], 'field' => $field,
					'number' => $number, 'dial' => $dial];
				if (count($matches) === self::MAX_MATCHES) {
					return $matches;
				}
			}
		}
		return $matches;
	}

	/** What $search found in one source, or null when it could not be searched (logged, without the query). */
	private function searched(string $source, callable $search): ?array
	{
		try {
			return $search();
		} catch (Throwable $e) {
			error_log('click2dial plugin: dial box search in the ' . $source . ': ' . get_class($e) . ' (' . $e->getCode() . ')');
			return null;
		}
	}

	/**
	 * The password to call with: a string (session mode), null when the extension finds it
	 * itself (stored: its credential store; directory: its directory) or the PBX takes none
	 * (none), false when there is none
	 * (then the error reply is sent already, if $reply).
	 */
	private function pbxPassword(string $user, bool $reply = true): string|null|false
	{
		switch (Pluginclick2dial::credentialSource()) {
			case 'session':
				$password = EncryptionStore::getInstance()->get('password');
				if (!is_string($password) || $password === '') {
					$reply && $this->fail('no_password');
					return false;
				}
				return $password;
			case 'stored':
				if (!Click2Dial\hasStoredCredential($user)) {
					$reply && $this->fail('no_pin');
					return false;
				}
				return null;
			default:
				return null;
		}
	}

	private function settings(array $action): void
	{
		$user = $this->sessionUser();
		if ($user === '') {
			$this->fail('not_logged_in');
			return;
		}
		$stored = Pluginclick2dial::credentialSource() === 'stored';
		$pin = self::text($action, 'pin');
		$forget = ($action['forget'] ?? false) === true;
		try {
			if (($pin !== '' || $forget) && !$stored) {
				$this->fail('not_stored_mode');
				return;
			}
			if ($pin !== '') {
				if (strlen($pin) > self::MAX_PIN_LENGTH) {
					$this->fail('empty_pin');
					return;
				}
				Click2Dial\storeCredential($user, $pin);
			} elseif ($forget) {
				Click2Dial\forgetCredential($user);
			}
			$this->sendFeedback(true, [
				'credentials' => Pluginclick2dial::credentialSource(),
				'pin_stored' => $stored && Click2Dial\hasStoredCredential($user),
				'changed' => $pin !== '' || $forget,
			]);
		} catch (Throwable $e) {
			$this->failWith($e);
		}
	}

	private static function text(array $action, string $name): string
	{
		return isset($action[$name]) && is_string($action[$name]) ? $action[$name] : '';
	}

	private static function kindOf(Throwable $e): string
	{
		return self::KINDS[get_class($e)] ?? 'internal';
	}

	/** The session's address book, or null when it cannot be opened (logged). */
	private function addressBook(): mixed
	{
		$addressBook = $GLOBALS['mapisession']->getAddressbook();
		if (is_int($addressBook) || $addressBook === false) {
			error_log('click2dial plugin: the address book cannot be opened (' . $addressBook . ')');
			return null;
		}
		return $addressBook;
	}

	/**
	 * What $use finds in the session's address book, or false once an address_book error has
	 * been replied (the book cannot be opened or searched; the log gets the reason, not the
	 * query).
	 */
	private function inAddressBook(string $what, callable $use): mixed
	{
		$addressBook = $this->addressBook();
		if ($addressBook === null) {
			$this->fail('address_book');
			return false;
		}
		try {
			return $use($addressBook);
		} catch (Throwable $e) {
			error_log('click2dial plugin: address book ' . $what . ': ' . get_class($e) . ' (' . $e->getCode() . ')');
			$this->fail('address_book');
			return false;
		}
	}

	private function failWith(Throwable $e): void
	{
		$this->logFor($e);
		$detail = '';
		// What the user may see of an error: the dial plan's reason, the wait; the PBX's status.
		if ($e instanceof Click2Dial\NumberNotAllowedException || $e instanceof Click2Dial\RateLimitedException) {
			$detail = $e->getMessage();
		} elseif ($e instanceof Click2Dial\PbxRejectedException) {
			$detail = (string) $e->getCode();
		}
		$this->fail(self::kindOf($e), $detail);
	}

	/**
	 * What only the administrator can fix goes to the PHP error log, in the extension's words
	 * (which never hold a secret); anything else unexpected as well.
	 */
	private function logFor(Throwable $e): void
	{
		if ($e instanceof Click2Dial\PbxUnreachableException || $e instanceof Click2Dial\PbxRejectedException
			|| $e instanceof Click2Dial\ConfigurationException || get_class($e) === 'Click2Dial\Exception') {
			error_log('click2dial plugin: ' . get_class($e) . ': ' . $e->getMessage());
		} elseif (!($e instanceof Click2Dial\Exception)) {
			error_log('click2dial plugin: ' . get_class($e) . ' in ' . $e->getFile() . ':' . $e->getLine());
		}
	}

	/** Module::sendFeedback(false, ...) in grommunio-web's error shape, with a kind for the client. */
	private function fail(string $kind, string $detail = ''): void
	{
		$this->sendFeedback(false, [
			'type' => defined('ERROR_ZARAFA') ? ERROR_ZARAFA : 2,
			'info' => ['kind' => $kind, 'detail' => $detail, 'display_message' => self::MESSAGES[$kind] ?? self::MESSAGES['internal']],
		]);
	}
}
