<?php
/*
 * The site's choices for the click2dial plugin of grommunio-web. Packaged installs keep this file
 * as /etc/grommunio-web/config-click2dial.php, linked as plugins/click2dial/config.php. Each
 * setting can be defined before this file is read (e.g. in grommunio-web's config.php); a value
 * defined there wins. Those the browser needs reach it as the site's defaults of the user
 * settings zarafa/v1/plugins/click2dial/* (php/plugin.click2dial.php); nothing secret is here.
 */

/*
 * true: the plugin is on for every user until they switch it off in Settings -> Plugins.
 * false: off until a user switches it on. (grommunio-web starts no plugin whose setting
 * zarafa/v1/plugins/click2dial/enable is not true. ALWAYS_ENABLED_PLUGINS_LIST in grommunio-web's
 * config.php can force it on for everybody.)
 */
if (!defined('PLUGIN_CLICK2DIAL_USER_DEFAULT_ENABLE')) {
	define('PLUGIN_CLICK2DIAL_USER_DEFAULT_ENABLE', true);
}

/*
 * Where a user's PBX password (sipXecs user-portal PIN) comes from (with click2dial.pbx =
 * clicktocall the PBX takes none, and this setting is not used: no PIN is asked or kept):
 *   ''          follow the extension's click2dial.credentials INI setting (the default);
 *   'stored'    each user enters their PIN once in Settings -> Click2Dial; the extension keeps it
 *               in click2dial.credential_dir (Click2Dial\storeCredential()), never in
 *               grommunio-web's settings, which are written into every page;
 *   'session'   the grommunio-web login password is the PBX password (same LDAP for both); it
 *               comes from grommunio-web's EncryptionStore. Not with OIDC/Keycloak or token
 *               logins: their "password" is a token the PBX does not know;
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
 * true: after a call is placed, its notification follows both legs: your phone will ring ->
 * ringing -> connected (your phone), then calling -> answered (the number), or not answered,
 * busy, did not go through. The browser asks with short requests about once a second while it
 * follows a call; the server asks Click2Dial\callStatus(), which for sipXconfig reads the
 * user's calls in progress (/sipxconfig/rest/my/activecdrs, sipXecs 4.4 and later) and for
 * reSIProcate's clicktocall server the call's own status. false: the notification stays at
 * "Your phone will ring now", for a sipXecs without that resource.
 */
if (!defined('PLUGIN_CLICK2DIAL_SHOW_PROGRESS')) {
	define('PLUGIN_CLICK2DIAL_SHOW_PROGRESS', true);
}

/*
 * Seconds the user's phone may ring before the call counts as not answered; match the ring time
 * of the users' phones in sipXecs (its default: 30 s).
 */
if (!defined('PLUGIN_CLICK2DIAL_RING_TIMEOUT')) {
	define('PLUGIN_CLICK2DIAL_RING_TIMEOUT', 30);
}

/*
 * Seconds during which a second click on the same number places no second call. The extension's
 * click2dial.duplicate_window_ms guards the server as well; this guard spares the request.
 */
if (!defined('PLUGIN_CLICK2DIAL_REPEAT_SECONDS')) {
	define('PLUGIN_CLICK2DIAL_REPEAT_SECONDS', 5);
}

/*
 * The plugin acts only on requests from grommunio-web's own page: where the browser sends an
 * Origin header, it must be the origin the request arrived at (scheme, Host header and port).
 * Behind a proxy that ends TLS or rewrites the Host header, name the address users open
 * grommunio-web at, e.g. 'https://mail.example.com' (several: separated by spaces). Empty: only
 * the request's own origin.
 */
if (!defined('PLUGIN_CLICK2DIAL_ORIGINS')) {
	define('PLUGIN_CLICK2DIAL_ORIGINS', '');
}
