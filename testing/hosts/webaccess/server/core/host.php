<?php
/* What every page of the host starts with: configuration, base classes, the session. */
require_once __DIR__ . '/../../config.php';
require_once __DIR__ . '/class.plugin.php';
require_once __DIR__ . '/class.pluginmanager.php';
require_once __DIR__ . '/class.module.php';
require_once __DIR__ . '/class.bus.php';
require_once __DIR__ . '/class.settings.php';
require_once __DIR__ . '/class.xml.php';
require_once __DIR__ . '/mo.php';

/*
 * The session cookie is HttpOnly (no script reads it) and SameSite=Strict: a page of another
 * site cannot make the browser send it. (WebAccess itself leaves both to php.ini, whose defaults
 * set neither.) SameSite is per site, not per origin: a page on another port or a sibling
 * subdomain still gets it sent, which is why the plugin checks each request's origin as well.
 * A request without the cookie opens no session ($create: only the login does): a page of
 * another site that sends one (a form, a link) would otherwise get a new, empty session whose
 * cookie replaces the user's, and so log them out.
 */
function host_start_session($create = false)
{
	host_deny_framing();
	session_name('ZARAFA_HOST');
	if (!$create && !isset($_COOKIE[session_name()])) {
		$_SESSION = array();
		return;
	}
	session_set_cookie_params(array('path' => '/', 'httponly' => true, 'samesite' => 'Strict',
		'secure' => isset($_SERVER['HTTPS']) && $_SERVER['HTTPS'] !== '' && $_SERVER['HTTPS'] !== 'off'));
	session_start();
}

/**
 * No page of the host may be shown in a frame: a framing page could trick clicks on "Call".
 * Sent by every page (each starts a session); router.php sends it for plugin files as well.
 */
function host_deny_framing()
{
	header('X-Frame-Options: DENY');
	header("Content-Security-Policy: frame-ancestors 'none'");
}

/** The logged-in user as UTF-8 (the session keeps it in Windows-1252, as WebAccess does). */
function host_user()
{
	return isset($_SESSION['username']) ? iconv('Windows-1252', 'UTF-8', $_SESSION['username']) : null;
}

function host_language()
{
	$language = isset($_SESSION['lang']) ? $_SESSION['lang'] : 'en_US.UTF-8';
	return array_key_exists($language, host_languages()) ? $language : 'en_US.UTF-8';
}

function host_languages()
{
	$languages = array();
	foreach (explode(';', HOST_LANGUAGES) as $entry) {
		list($code, $name) = explode(':', $entry, 2);
		$languages[$code] = $name;
	}
	return $languages;
}

/** Starts the plugin manager and the globals plugins use, for the logged-in user. */
function host_load_plugins()
{
	$GLOBALS['PluginManager'] = new PluginManager();
	$GLOBALS['bus'] = new Bus();
	$GLOBALS['settings'] = new Settings(host_user());
	// PHP's gettext follows the locale, as in WebAccess: the locale must be installed (scripts/
	// install-deps generates the plugin's languages). LANGUAGE, when set, takes precedence over
	// the locale and must name the folder under language/ in full ("de_DE.UTF-8").
	putenv('LANGUAGE=' . host_language());
	setlocale(LC_MESSAGES, host_language(), 'C.UTF-8');
	$GLOBALS['PluginManager']->initPlugins();
}

function h($text)
{
	return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8');
}

/**
 * Script and link tags for the host's client core and the plugins' client files. The plugins'
 * files go through static.php, all JavaScript in one request and all CSS in another, as
 * WebAccess' includeFiles() (client/loader.php) writes them; $extra are a dialog's getIncludes().
 */
function host_client_includes($load, array $extra = array())
{
	$tags = '';
	foreach (array('plugin', 'pluginmanager', 'module', 'webclient') as $core) {
		$tags .= '<script src="client/core/' . $core . '.js"></script>' . "\n";
	}
	$tags .= '<script src="translations.js.php"></script>' . "\n";
	$files = $GLOBALS['PluginManager']->getClientFiles($load);
	// In window.php's order: the plugins' CSS, then the dialog's; the dialog's JavaScript, then
	// the plugins' files and modules.
	$css = $files['css'];
	$js = array();
	foreach ($extra as $file) {
		if (substr($file, -3) === 'css') {
			$css[] = $file;
		} elseif (substr($file, -2) === 'js') {
			$js[] = $file;
		}
	}
	$js = array_merge($js, $files['js'], $files['module']);
	if ($css) {
		$tags .= '<link rel="stylesheet" type="text/css" href="' . h(host_static_url($css)) . '">' . "\n";
	}
	if ($js) {
		$tags .= '<script src="' . h(host_static_url($js)) . '"></script>' . "\n";
	}
	$tags .= '<script>var DIALOG_URL = ' . json_encode(DIALOG_URL) . ';'
		. ' webclient.start(' . json_encode($GLOBALS['PluginManager']->getPluginNames()) . ');</script>' . "\n";
	return $tags;
}

/** static.php?p[]=…&p[]=… for files given relative to the WebAccess root. */
function host_static_url(array $files)
{
	$url = 'static.php?';
	foreach ($files as $file) {
		$url .= 'p[]=' . $file . '&';
	}
	return $url;
}
