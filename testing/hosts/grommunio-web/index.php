<?php
/*
 * The test host's page: a login form, then a grommunio-web client and the plugins' client files
 * from their manifests, booted as the reference's section 4.3 says: globals
 * settings/serverconfig/user/version/languages, Zarafa.initializeGlobals(), Zarafa.fireReady().
 * The client is
 *   - grommunio-web's real client from C2D_GROMMUNIO_WEB, from its source files (ExtJS,
 *     extjs-mod, third-party, DOMPurify, client/zarafa in the order of grommunio-web's own
 *     loader for LOAD_SOURCE), when that names a tree;
 *   - else the host's stand-in client (standin-client/, see README.md), which imitates the
 *     part of it a plugin meets.
 * Zarafa.loadWebclient() is not called (it loads the mailbox's folders from a MAPI server); the
 * tests drive the client's own UI classes (ContactContextMenu, ContactToolbar, ...) on records
 * they make.
 */
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/translations.php';
header('X-Frame-Options: DENY');
header("Content-Security-Policy: frame-ancestors 'none'");
session_start();

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
	// WebAppAuthentication's form login: the login gets DEFAULT_DOMAIN when it has none.
	EncryptionStore::reset();
	$_SESSION = [];
	session_regenerate_id(true);
	$login = trim((string) ($_POST['username'] ?? ''));
	if ($login !== '' && !str_contains($login, '@')) {
		$login .= '@example.com';
	}
	EncryptionStore::getInstance()->add('username', $login);
	EncryptionStore::getInstance()->add('password', (string) ($_POST['password'] ?? ''));
	$_SESSION['lang'] = in_array($_POST['language'] ?? '', ['en_US.UTF-8', 'de_DE.UTF-8', 'nl_NL.UTF-8', 'es_ES.UTF-8'], true) ? $_POST['language'] : 'en_US.UTF-8';
	header('Location: index.php', true, 303);
	return;
}

$user = (new MAPISession())->getUserName();
if ($user === '') {
	?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title>grommunio-web test host</title></head><body>
<form method="post" action="index.php">
<input id="username" name="username" autocomplete="off"> <input id="password" name="password" type="password">
<select id="language" name="language"><option>en_US.UTF-8</option><option>de_DE.UTF-8</option><option>nl_NL.UTF-8</option><option>es_ES.UTF-8</option></select>
<button id="logon">Log on</button>
</form></body></html><?php
	return;
}
$language = $_SESSION['lang'] ?? 'en_US.UTF-8';
session_write_close();

$plugins = gw_plugins();
$settings = gw_settings($plugins, $user);

/** The stand-in client's files, in load order (README.md says what each imitates). */
const GW_STANDIN_FILES = [
	'standin-client/ext-core.js',
	'standin-client/ext-components.js',
	'standin-client/zarafa-core.js',
	'standin-client/zarafa-records.js',
	'standin-client/zarafa-ui.js',
	'standin-client/zarafa-messagebody.js',
];

/** The client's files: the stand-in's, or the real client's in its LOAD_SOURCE order. */
function gw_client_files(): array
{
	if (GW_CLIENT_TREE === '') {
		return GW_STANDIN_FILES;
	}
	$cache = GW_STATE . '/client-files.json';
	if (is_file($cache)) {
		return json_decode((string) file_get_contents($cache), true);
	}
	if (!defined('LOAD_SOURCE')) {
		define('LOAD_RELEASE', 1);
		define('LOAD_DEBUG', 2);
		define('LOAD_SOURCE', 3);
	}
	$cwd = getcwd();
	chdir(GW_CLIENT_TREE);
	require_once GW_CLIENT_TREE . '/server/includes/loader.php';
	$loader = new FileLoader();
	// The loader reads client/tinymce/tinymce.js, which a source checkout lacks (it is built).
	$reporting = error_reporting(E_ALL & ~E_WARNING);
	$extjs = $loader->getExtjsJavascriptFiles(LOAD_SOURCE);
	$files = array_merge($extjs, $loader->getZarafaJavascriptFiles(LOAD_SOURCE, $extjs));
	error_reporting($reporting);
	chdir($cwd);
	// TinyMCE itself is not needed for these tests (reference 4.3) and not in every tree.
	$files = array_values(array_filter($files, fn ($file) => is_file(GW_CLIENT_TREE . '/' . $file)));
	file_put_contents($cache, json_encode($files));
	return $files;
}

$tree = array_replace_recursive(['zarafa' => ['v1' => ['main' => ['notifier' => ['default' => 'toast']], 'contexts' => new stdClass()]]], $settings->get());
$script = fn ($file) => '<script src="' . htmlspecialchars($file) . "\"></script>\n";
?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title>grommunio-web test host</title>
<?php foreach (GW_CLIENT_TREE === '' ? ['standin-client/standin.css'] : ['client/extjs/resources/css/ext-all-ux.css', 'client/resources/css/grommunio.css'] as $file) { echo '<link rel="stylesheet" href="' . htmlspecialchars($file) . "\">\n"; } ?>
<?php foreach ($plugins->cssFiles as $file) { echo '<link rel="stylesheet" href="' . htmlspecialchars($file) . "\">\n"; } ?>
<script>
var settings = <?= json_encode($tree, JSON_HEX_TAG | JSON_HEX_AMP) ?>;
// enable_dompurify: grommunio-web's default (ENABLE_DOMPURIFY_FILTER, defaults.php): mail bodies are sanitized.
var serverconfig = {always_enabled_plugins: '', base_url: '/', max_attachment_size: 0, enable_advanced_settings: false, enable_dompurify: true};
var user = <?= json_encode(['username' => $user, 'fullname' => $user, 'email_address' => $user, 'smtp_address' => $user], JSON_HEX_TAG | JSON_HEX_AMP) ?>;
var version = {webapp: 'test-host', server: 'test-host', client: <?= json_encode(GW_CLIENT_TREE === '' ? 'stand-in' : 'grommunio-web') ?>};
var languages = [];
</script>
<?php
$translations = gw_translations_script($plugins, $language);
foreach (gw_client_files() as $file) {
	echo $script($file);
	// The translation functions come after ExtJS, before the client's own classes.
	if ($file === 'client/extjs/ux/ux-all-debug.js' || $file === 'standin-client/ext-components.js') {
		echo "<script>\n" . $translations . "\n</script>\n";
	}
}
foreach ($plugins->clientFiles as $file) {
	echo $script($file);
}
// The demo (testing/demo/grommunio-web-demo): the UI classes laid out for a person.
if (getenv('C2D_DEMO') === '1') {
	echo $script('demo.js');
}
?>
<script>
Ext.onReady(function() {
	Zarafa.initializeGlobals();
	// What Zarafa.loadWebclient() does before it builds the UI, minus the server round trips:
	// tooltips (every button with a tooltip needs them).
	Ext.QuickTips.init();
	Zarafa.fireReady();
	document.body.setAttribute('data-host-ready', '1');
});
</script>
</head><body></body></html>
