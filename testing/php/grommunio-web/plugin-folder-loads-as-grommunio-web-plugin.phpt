--TEST--
grommunio-web plugin folder: the manifest has the version 2 format with <components>, every file it names exists, catalogs are compiled, and the site's defaults reach the settings without any secret
--EXTENSIONS--
click2dial
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CONFIRM', true);
require __DIR__ . '/inc/module-host.php';
$dir = dirname(__DIR__, 3) . '/grommunio-web';

// The element order of grommunio-web's manifest.dtd; PluginManager rejects other versions and
// a manifest without <components>.
$xml = simplexml_load_file($dir . '/manifest.xml');
echo 'version ', $xml['version'], '; ', implode(' ', array_map(fn ($e) => $e->getName(), iterator_to_array($xml->children(), false))), "\n";
echo 'name ', $xml->info->name, "\n";
$files = $xml->components->component->files;
foreach ($files->server->serverfile as $file) {
	echo 'server ', $file['type'] ?? 'plugin', ' ', $file['module'] ?? '', ' ', $file, is_file("$dir/$file") ? '' : ' MISSING', "\n";
}
foreach ($files->client->clientfile as $file) {
	echo 'client ', $file['load'], ' ', $file, is_file("$dir/$file") ? '' : ' MISSING', "\n";
}
foreach ($files->resources->resourcefile as $file) {
	echo 'css ', $file, is_file("$dir/$file") ? '' : ' MISSING', "\n";
}

// Each catalog's .mo is its .po compiled (grommunio-web reads only the .mo).
foreach (glob("$dir/language/*/LC_MESSAGES/plugin_click2dial.po") as $po) {
	$mo = tempnam(sys_get_temp_dir(), 'mo');
	exec('msgfmt -o ' . escapeshellarg($mo) . ' ' . escapeshellarg($po), $out, $status);
	echo basename(dirname($po, 2)), ': ', $status === 0 && file_get_contents($mo) === file_get_contents(substr($po, 0, -2) . 'mo') ? 'compiled' : 'STALE', "\n";
	unlink($mo);
}

// What grommunio-web writes into the page: the site's defaults, never a PIN.
gw_login('alice@example.com', 'login-password');
$settings = new Settings($GLOBALS['gw_state'] . '/s.json');
$settings->init($GLOBALS['gw_plugins']);
echo $settings->getJSON() === json_encode($settings->get()) ? '' : "?\n";
echo json_encode($settings->get('zarafa/v1/plugins/click2dial')), "\n";
echo 'password in the page: ', str_contains($settings->getJSON(), 'login-password') ? 'yes' : 'no', "\n";
?>
--EXPECT--
version 2; info config translations components
name click2dial
server plugin  php/plugin.click2dial.php
server module click2dialmodule php/class.click2dialmodule.php
client release js/Click2Dial.js
client release js/Click2DialResponseHandler.js
client release js/CallNotice.js
client release js/NumberChooser.js
client release js/NumberLinks.js
client release js/MailBodyLinks.js
client release js/EntryNumbersTab.js
client release js/DialBox.js
client release js/settings/SettingsClick2DialWidget.js
client release js/settings/SettingsClick2DialCategory.js
client release js/Click2DialPlugin.js
css resources/css/click2dial.css
de_DE.UTF-8: compiled
en_US.UTF-8: compiled
es_ES.UTF-8: compiled
nl_NL.UTF-8: compiled
{"enable":true,"credentials":"stored","confirm":true,"show_progress":true,"ring_timeout":30,"repeat_seconds":5}
password in the page: no
