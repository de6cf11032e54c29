<?php
/*
 * Login and main window of the host. The login stores the user and password in the session
 * exactly as WebAccess 7.1.11+ does (Windows-1252; the password sealed with openssl
 * des-ede3-cbc, PASSWORD_KEY and PASSWORD_IV). Any non-empty password is accepted: the PBX,
 * not this host, decides whether it is right.
 */
require_once __DIR__ . '/server/core/host.php';
require_once __DIR__ . '/contacts.php';
host_start_session(isset($_GET['logon']));

if ($_SERVER['REQUEST_METHOD'] === 'POST' && isset($_GET['logon'])) {
	$user = isset($_POST['username']) ? trim((string) $_POST['username']) : '';
	$password = isset($_POST['password']) ? (string) $_POST['password'] : '';
	if ($user !== '' && $password !== '') {
		session_regenerate_id(true);
		$_SESSION['username'] = iconv('UTF-8', 'Windows-1252', $user);
		$_SESSION['password'] = openssl_encrypt(iconv('UTF-8', 'Windows-1252', $password), 'des-ede3-cbc', PASSWORD_KEY, 0, PASSWORD_IV);
		if (isset($_POST['language']) && array_key_exists($_POST['language'], host_languages())) {
			$_SESSION['lang'] = $_POST['language'];
		}
		host_load_plugins();
		$GLOBALS['PluginManager']->triggerHook('server.index.login.success');
	}
	header('Location: index.php');
	exit;
}
if (isset($_GET['logout'])) {
	if (session_status() === PHP_SESSION_ACTIVE) {
		session_destroy();
	}
	header('Location: index.php');
	exit;
}
if ($_SERVER['REQUEST_METHOD'] === 'POST' && isset($_GET['setlanguage'])) {
	if (isset($_POST['language']) && array_key_exists($_POST['language'], host_languages())) {
		$_SESSION['lang'] = $_POST['language'];
	}
	header('Location: index.php');
	exit;
}

$languageOptions = '';
foreach (host_languages() as $code => $name) {
	$selected = $code === host_language() ? ' selected' : '';
	$languageOptions .= '<option value="' . h($code) . '"' . $selected . '>' . h($name) . '</option>';
}

if (host_user() === null) {
	?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title>WebAccess host: log in</title>
<link rel="stylesheet" href="client/layout/host.css"></head>
<body class="login">
<form method="post" action="index.php?logon" id="login">
<h1>WebAccess (click2dial test host)</h1>
<label>User name <input name="username" id="username" autofocus></label>
<label>Password <input name="password" id="password" type="password"></label>
<label>Language <select name="language" id="language"><?= $languageOptions ?></select></label>
<button type="submit" id="logon">Log in</button>
</form></body></html>
<?php
	exit;
}

host_load_plugins();
// As in WebAccess' index.php, plugins hear that the main window loads while the session is open.
$GLOBALS['PluginManager']->triggerHook('server.index.load.main.before');
session_write_close();
$contacts = host_contacts();
?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title>WebAccess host: contacts</title>
<link rel="stylesheet" href="client/layout/host.css">
<?= host_client_includes('main') ?>
<script src="client/modules/contactlistmodule.js"></script>
<script>
<?php /* The user's whole settings tree, as client/webclient.php writes it into every main page. */ ?>
<?= $GLOBALS['settings']->getJavaScript() ?>
webclient.settings.tree = settings;
</script>
</head>
<body class="main">
<div id="header">
	<span id="user"><?= h(host_user()) ?></span>
	<form method="post" action="index.php?setlanguage" id="languageform">
		<select name="language" id="setlanguage" onchange="this.form.submit()"><?= $languageOptions ?></select>
	</form>
	<a href="#" id="open_click2dial_settings" onclick="webclient.openWindow(null, 'click2dial_settings', DIALOG_URL + 'plugin=click2dial&amp;task=settings'); return false;">Settings: Click2Dial</a>
</div>
<div id="menubar"></div>
<table id="contactlist"><thead><tr><th>Name</th><th>Company</th><th>Business</th><th>Mobile</th><th>Home</th></tr></thead><tbody></tbody></table>
<script>
var contacts = new contactlistmodule();
contacts.init(webclient.addModule(contacts), document.getElementById("contactlist"),
	<?= json_encode($contacts, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_UNICODE) ?>);
</script>
<?php /* WebAccess' footer (client/core/layoutmanager.js setFooter, style.css #footer): a 23 px bar
   along the bottom, "settings" and "log out" at its right end. */ ?>
<div id="footer"><div id="loggedon"><span>you are logged on as <?= h(host_user()) ?></span>&nbsp;<b>&#183;</b>&nbsp;<span class="settingsbutton">settings</span>&nbsp;<b>&#183;</b>&nbsp;<a href="index.php?logout" id="logout" class="loggoutbutton">log out</a></div></div>
</body></html>
