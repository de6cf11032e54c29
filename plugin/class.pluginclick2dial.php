<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The server half of the click2dial plugin: adds a "Call" button to the contact dialog; while a
 * page loads, gives the session the key of its call tickets (class.click2dialcallticket.php) and
 * moves a PIN an earlier version kept in the user's settings into the extension's credential
 * store before WebAccess writes those settings into the main page (pinstore.php).
 * Calls themselves go through click2dialmodule (class.click2dialmodule.php).
 */
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/class.click2dialcallticket.php';
require_once __DIR__ . '/pinstore.php';

class Pluginclick2dial extends Plugin
{
	// Parameters stay optional: WebAccess declares init() and execute() without any, and PHP 8
	// refuses an override that requires more than its parent.
	function init()
	{
		$this->registerHook('server.dialog.general.setup.getmenubuttons');
		// index.php runs these with the session still open; zarafa.php, where the module runs,
		// closes it first.
		$this->registerHook('server.index.login.success');
		$this->registerHook('server.index.load.main.before');
		$this->registerHook('server.index.load.dialog.before');
	}

	function execute($eventID = null, &$data = null)
	{
		if ($eventID === 'server.index.load.main.before' || $eventID === 'server.index.load.dialog.before') {
			click2dialcallticket::ensureSessionKey();
		}
		if ($eventID === 'server.index.login.success' || $eventID === 'server.index.load.main.before') {
			$user = isset($_SESSION['username']) ? iconv('Windows-1252', 'UTF-8', (string) $_SESSION['username']) : '';
			if ($user !== '' && isset($GLOBALS['settings'])) {
				click2dial_move_pin($user);
			}
		}
		if ($eventID !== 'server.dialog.general.setup.getmenubuttons') {
			return;
		}
		// client/dialog.php splits the URL's task=contact_standard at its last "_" before the
		// hook runs: the contact dialog's hook sees "contact". Plugin dialogs carry their plugin.
		if (!is_array($data) || !isset($data['task']) || $data['task'] !== 'contact' || !empty($data['plugin'])) {
			return;
		}
		$data['buttons'][] = array(
			'id' => 'click2dial',
			'name' => self::jsTextAsHtml(dgettext('plugin_click2dial', 'Call')),
			'title' => self::jsText(dgettext('plugin_click2dial', 'Call this contact: your phone rings first')),
			// JavaScript source, run in the dialog window (click2dial.js is loaded there too).
			'callback' => 'function(){ click2dialCallFromContactDialog(); }',
		);
	}

	/**
	 * Text for inside a double-quoted JavaScript string: WebAccess' window.php pastes a button's
	 * name and title between double quotes as they are. Everything that could end the string or
	 * the script block (quotes, backslash, <, >, &, line ends) becomes a \uXXXX escape, so any
	 * translation arrives as the same plain text.
	 */
	static function jsText($text)
	{
		$escaped = preg_replace_callback('/[\x00-\x1f\x7f"\'\\\\<>&]/', function ($match) {
			return sprintf('\\u%04x', ord($match[0]));
		}, (string) $text);
		// U+2028 and U+2029 end a line inside a string in older JavaScript.
		return str_replace(array("\u{2028}", "\u{2029}"), array('\\u2028', '\\u2029'), $escaped);
	}

	/** As jsText() for the button's name, which menu.js then puts into the page as HTML. */
	static function jsTextAsHtml($text)
	{
		return self::jsText(htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8'));
	}
}
