<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The site's choices for the click2dial plugin. Each setting can be set before this file is
 * read (e.g. in WebAccess' own config.php); a value set there wins.
 */

/*
 * Where a user's PBX password (sipXecs user-portal PIN) comes from:
 *   ''          follow the extension's click2dial.credentials INI setting (the default);
 *   'stored'    each user enters their PIN once in Settings -> Click2Dial; the extension keeps
 *               it, sealed, in click2dial.credential_dir on the server (storeCredential()),
 *               never in their WebAccess settings, which WebAccess writes into every page;
 *   'session'   the WebAccess login password is the PBX password (same LDAP for both); it is
 *               opened from the session with PASSWORD_KEY and PASSWORD_IV of WebAccess'
 *               config.php. Not for single sign-on logins, which leave no password;
 *   'directory' the administrator keeps sealed PINs in click2dial.directory; the plugin passes
 *               no password and the extension opens the user's token.
 */
if (!defined('PLUGIN_CLICK2DIAL_CREDENTIALS')) {
	define('PLUGIN_CLICK2DIAL_CREDENTIALS', '');
}

/*
 * true: ask "Call <name> at <number>?" before every call. false: call at once (a contact with
 * several numbers still shows the chooser).
 */
if (!defined('PLUGIN_CLICK2DIAL_CONFIRM')) {
	define('PLUGIN_CLICK2DIAL_CONFIRM', false);
}

/*
 * Seconds during which a second click on the same number places no second call. The extension's
 * click2dial.duplicate_window_ms guards the server as well; this guard spares the request.
 */
if (!defined('PLUGIN_CLICK2DIAL_REPEAT_SECONDS')) {
	define('PLUGIN_CLICK2DIAL_REPEAT_SECONDS', 5);
}

/*
 * true: after a call is placed, the message follows it: "Your phone is ringing", "Connected to
 * <number>", "Your phone was not answered", "Call ended". The browser asks the server about once
 * a second, and the server asks sipXconfig for the user's calls in progress
 * (/sipxconfig/rest/my/activecdrs, sipXecs 4.4 and later). false: the message stays at "Your
 * phone will ring now", for a sipXecs without that resource.
 */
if (!defined('PLUGIN_CLICK2DIAL_SHOW_PROGRESS')) {
	define('PLUGIN_CLICK2DIAL_SHOW_PROGRESS', true);
}

/*
 * Seconds the user's phone may ring before the call counts as not answered; match the ring
 * time of the users' phones in sipXecs (its default: 30 s).
 */
if (!defined('PLUGIN_CLICK2DIAL_RING_TIMEOUT')) {
	define('PLUGIN_CLICK2DIAL_RING_TIMEOUT', 30);
}

/*
 * The plugin acts only on requests from WebAccess' own page: where the browser sends an Origin
 * header, it must be the origin the request arrived at (scheme, Host header and port). Behind a
 * proxy that ends TLS or rewrites the Host header, name the address users open WebAccess at,
 * e.g. 'https://webmail.example.com' (several: separated by spaces). Empty: only the request's
 * own origin.
 */
if (!defined('PLUGIN_CLICK2DIAL_ORIGINS')) {
	define('PLUGIN_CLICK2DIAL_ORIGINS', '');
}
