--TEST--
Plugin: every text the plugin shows is translated in en, de, nl and es, and each .mo matches its .po
--FILE--
<?php
require_once dirname(__DIR__, 3) . '/testing/hosts/webaccess/server/core/mo.php';
$plugin = dirname(__DIR__, 3) . '/plugin';

// The keys: t("…") in the JavaScript, dgettext('plugin_click2dial', '…') and $t('…') in PHP,
// and the labels of the chooser and the dial box.
$keys = array();
foreach (glob("$plugin/{js,dialogs}/*.{js,php}", GLOB_BRACE) + array("$plugin/class.pluginclick2dial.php") as $file) {
    $source = file_get_contents($file);
    preg_match_all('/\bt\("((?:[^"\\\\]|\\\\.)+)"\)/', $source, $m);
    $keys = array_merge($keys, $m[1]);
    preg_match_all("/(?:dgettext\('plugin_click2dial', |\\\$t\()'([^']+)'\)/", $source, $m);
    $keys = array_merge($keys, $m[1]);
    preg_match_all('/\["[a-z0-9_]+_number", "([^"]+)"\]/', $source, $m);
    $keys = array_merge($keys, $m[1]);
}
$keys = array_unique(array_filter($keys, fn($k) => !in_array($k, array('div', 'span', 'button'), true)));
echo count($keys) > 40 ? "keys found\n" : "only " . count($keys) . " keys found\n";

foreach (array('en_US', 'de_DE', 'nl_NL', 'es_ES') as $language) {
    $dir = "$plugin/language/$language.UTF-8/LC_MESSAGES";
    $mo = host_read_mo("$dir/plugin_click2dial.mo");
    // The .po, read simply: one-line msgid/msgstr pairs as written in this project.
    preg_match_all('/^msgid "(.+)"\nmsgstr "(.*)"$/m', file_get_contents("$dir/plugin_click2dial.po"), $m);
    $po = array_combine(array_map('stripcslashes', $m[1]), array_map('stripcslashes', $m[2]));
    $missing = array_diff($keys, array_keys(array_filter($mo, 'strlen')));
    $stale = array_diff_assoc($po, $mo) + array_diff_assoc($mo, $po);
    $placeholders = array_filter(array_keys($mo), fn($k) => substr_count($k, '%s') !== substr_count($mo[$k], '%s'));
    printf("%s: %s missing, %s differing from the .po, %s with other placeholders\n", $language,
        count($missing) ? implode(' | ', $missing) : 'none', count($stale) ? implode(' | ', array_keys($stale)) : 'none',
        count($placeholders) ? implode(' | ', $placeholders) : 'none');
}
?>
--EXPECT--
keys found
en_US: none missing, none differing from the .po, none with other placeholders
de_DE: none missing, none differing from the .po, none with other placeholders
nl_NL: none missing, none differing from the .po, none with other placeholders
es_ES: none missing, none differing from the .po, none with other placeholders
