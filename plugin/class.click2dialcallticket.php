<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The ticket of a placed call: proof that this session placed the call a progress question is
 * about. A module cannot remember calls in the session (zarafa.php closes it before modules
 * run), so the browser echoes the call it follows; the ticket makes that echo unforgeable.
 *
 * ticket = HMAC-SHA256(session key, the call's user, user_extension, dialed and placed_at).
 * The session key is 32 random bytes that the plugin puts into $_SESSION while WebAccess loads
 * its main window or a dialog (the server.index.load.*.before hooks, when the session is still
 * open). It lives only in the server's session store, never in a page, so neither the user nor
 * another session can make a ticket; a session that has none (opened before the plugin was
 * installed, until the page is loaded again) gets no tickets, and its calls show no progress.
 * Why not the key file: the session and directory modes need none, and a key per session binds
 * the ticket to it without a file to keep.
 */
class click2dialcallticket
{
	const SESSION_KEY = 'click2dial_ticket_key';
	const FIELDS = array('user', 'user_extension', 'dialed', 'placed_at', 'call_id');

	/**
	 * Gives the session a key, once. Only from the page-load hooks, where WebAccess still has the
	 * session open: a key made after it was closed would not be kept.
	 */
	static function ensureSessionKey()
	{
		if (self::sessionKey() === false) {
			$_SESSION[self::SESSION_KEY] = bin2hex(random_bytes(32));
		}
	}

	/** The session's key, or false when it has none. */
	static function sessionKey()
	{
		$key = isset($_SESSION[self::SESSION_KEY]) ? $_SESSION[self::SESSION_KEY] : '';
		return is_string($key) && strlen($key) === 64 ? $key : false;
	}

	/** The ticket for $call (the fields named in FIELDS), or '' when the session has no key. */
	static function issue($call)
	{
		$key = self::sessionKey();
		return $key === false ? '' : hash_hmac('sha256', self::message($call), $key);
	}

	/** Whether $ticket was issued by this session for exactly this call. */
	static function matches($call, $ticket)
	{
		$key = self::sessionKey();
		if ($key === false || !is_string($ticket) || strlen($ticket) !== 64) {
			return false;
		}
		return hash_equals(hash_hmac('sha256', self::message($call), $key), $ticket);
	}

	/** The fields, each prefixed with its length (so no two calls join alike), under a label. */
	static function message($call)
	{
		$message = 'click2dial progress ticket 2';
		foreach (self::FIELDS as $name) {
			$value = isset($call[$name]) ? (string) $call[$name] : '';
			$message .= "\n" . strlen($value) . ':' . $value;
		}
		return $message;
	}
}
