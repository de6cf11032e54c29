<?php
/*
 * The ticket of a placed call: proof that this session placed the call a progress question is
 * about. grommunio.php closes the session before modules run, so the browser echoes the call it
 * follows; the ticket makes that echo unforgeable.
 *
 * ticket = HMAC-SHA256(session key, the call's user, user_extension, dialed, placed_at and
 * call_id, the PBX's call the progress questions ask callStatus about).
 * The session key is 32 random bytes kept in grommunio-web's EncryptionStore: in the session,
 * sealed with the per-session key of the httponly encryption-store cookie. It never goes into a
 * page, so neither the user's scripts nor another session can make a ticket. EncryptionStore::add()
 * opens the session again for writing, as grommunio-web's passwd plugin does after a change.
 * Two tabs placing their first calls at the same instant may each make a key; the later one
 * wins, and the earlier call then shows no progress (it is still placed).
 */
class Click2DialCallTicket
{
	const STORE_KEY = 'click2dial-ticket-key';
	const FIELDS = ['user', 'user_extension', 'dialed', 'placed_at', 'call_id'];

	/** The ticket for $call (the fields named in FIELDS); makes the session's key when needed. */
	public static function issue(array $call): string
	{
		$key = self::sessionKey();
		if ($key === null) {
			$key = bin2hex(random_bytes(32));
			EncryptionStore::getInstance()->add(self::STORE_KEY, $key);
		}
		return hash_hmac('sha256', self::message($call), $key);
	}

	/** Whether $ticket was issued by this session for exactly this call. */
	public static function matches(array $call, string $ticket): bool
	{
		$key = self::sessionKey();
		if ($key === null || strlen($ticket) !== 64) {
			return false;
		}
		return hash_equals(hash_hmac('sha256', self::message($call), $key), $ticket);
	}

	private static function sessionKey(): ?string
	{
		$key = EncryptionStore::getInstance()->get(self::STORE_KEY);
		return is_string($key) && strlen($key) === 64 ? $key : null;
	}

	/** The fields, each prefixed with its length (so no two calls join alike), under a label. */
	private static function message(array $call): string
	{
		$message = 'click2dial progress ticket 2';
		foreach (self::FIELDS as $name) {
			$value = isset($call[$name]) ? (string) $call[$name] : '';
			$message .= "\n" . strlen($value) . ':' . $value;
		}
		return $message;
	}
}
