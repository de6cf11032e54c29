--TEST--
Plugin: manifest found as WebAccess finds it; the classes load with WebAccess' base-class signatures on PHP 8; the contact dialog gets a Call button
--EXTENSIONS--
click2dial
--FILE--
<?php
require __DIR__ . '/../fixtures/plugin-host.php';

$manager = new PluginManager();
$manager->detectPlugins();
$data = $manager->plugindata['click2dial'];
echo $data['info']['name'], ' ', $data['info']['title'], "\n";
echo 'server: ', implode(', ', $data['server']), "\n";
echo 'modules: ', json_encode($data['modules']), "\n";
echo 'client (main): ', json_encode($manager->getClientFiles('main')), "\n";
echo 'dialogs: ', json_encode($data['dialogs']), "\n";
echo 'translations: ', implode(', ', array_map('basename', array_map('dirname', array_map('dirname', $manager->getTranslationFiles('de_DE.UTF-8'))))), "\n";
foreach (array_merge($data['server'], $data['modules'], array_column($data['client'], 'file'), $data['dialogs']) as $file) {
    if (!is_file(PATH_PLUGIN_DIR . '/click2dial/' . $file)) {
        echo "missing: $file\n";
    }
}

// The same host rejects a plugin whose override is incompatible, as PHP 8 does for WebAccess.
$bad = run_php('require ' . var_export(dirname(__DIR__, 3) . '/testing/hosts/webaccess/server/core/class.plugin.php', true) . ';'
    . ' class Pluginbad extends Plugin { function execute($eventID, &$data) {} } echo "loaded\n";');
echo preg_match('/Fatal error: Declaration of Pluginbad::execute\(\$eventID, &\$data\) must be compatible with Plugin::execute\(\)/', $bad['out'] . $bad['err']) ? "incompatible override refused\n" : "not refused:\n" . $bad['out'] . $bad['err'];

plugin_login('alice', '0000');
$plugin = $GLOBALS['PluginManager']->plugins['click2dial'];
echo get_class($plugin), ' extends ', get_parent_class($plugin), "\n";
// client/dialog.php splits task=contact_standard before the hook: it sees "contact".
foreach (array(array('contact', false), array('createmail', false), array('contact', 'other')) as list($task, $owner)) {
    $buttons = array();
    $GLOBALS['PluginManager']->triggerHook('server.dialog.general.setup.getmenubuttons',
        array('task' => $task, 'plugin' => $owner, 'buttons' => &$buttons));
    echo $task, ' (plugin ', var_export($owner, true), '): ', json_encode($buttons), "\n";
}
// window.php pastes name and title between double quotes, and menu.js the name as HTML: a
// translation with quotes or markup must arrive as the same text and run nothing.
$hostile = "Ruf \"an\" <b>&</b>\\ '</script>\n";
$js = 'var n = "' . Pluginclick2dial::jsTextAsHtml($hostile) . '"; var t = "' . Pluginclick2dial::jsText($hostile) . '";';
echo preg_match('/[<>"\'&\\n]/', Pluginclick2dial::jsText($hostile) . Pluginclick2dial::jsTextAsHtml($hostile)) ? "unescaped\n" : "escaped: $js\n";
$GLOBALS['PluginManager']->loadModule('click2dialmodule');
echo get_parent_class('click2dialmodule'), "\n";
?>
--EXPECT--
click2dial Click2Dial
server: plugin/class.pluginclick2dial.php
modules: {"click2dialmodule":"plugin\/class.click2dialmodule.php"}
client (main): {"js":["plugins\/click2dial\/plugin\/js\/click2dial.js","plugins\/click2dial\/plugin\/js\/click2diallinks.js","plugins\/click2dial\/plugin\/js\/click2dialbox.js"],"module":["plugins\/click2dial\/plugin\/js\/click2dialmodule.js"],"css":["plugins\/click2dial\/plugin\/css\/click2dial.css"]}
dialogs: {"settings":"plugin\/dialogs\/settings.php"}
translations: de_DE.UTF-8
incompatible override refused
Pluginclick2dial extends Plugin
contact (plugin false): [{"id":"click2dial","name":"Call","title":"Call this contact: your phone rings first","callback":"function(){ click2dialCallFromContactDialog(); }"}]
createmail (plugin false): []
contact (plugin 'other'): []
escaped: var n = "Ruf \u0026quot;an\u0026quot; \u0026lt;b\u0026gt;\u0026amp;\u0026lt;/b\u0026gt;\u005c \u0026#039;\u0026lt;/script\u0026gt;\u000a"; var t = "Ruf \u0022an\u0022 \u003cb\u003e\u0026\u003c/b\u003e\u005c \u0027\u003c/script\u003e\u000a";
Module
