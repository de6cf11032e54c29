<?php
/*
 * The translation functions of grommunio-web's client (translations.js.php): _(key, domain),
 * ngettext, pgettext, npgettext. Never dgettext: the real client has none, and a stand-in would
 * hide a plugin's ReferenceError. Only the plugins' catalogs (their .mo files) are served; the
 * core's strings stay English.
 */

/** msgid => msgstr of a .mo file (GNU gettext format, singular entries). */
function gw_read_mo(string $file): array
{
	$data = @file_get_contents($file);
	if ($data === false || strlen($data) < 28) {
		return [];
	}
	$order = unpack('V', $data)[1] === 0x950412de ? 'V' : 'N';
	$count = unpack($order, substr($data, 8, 4))[1];
	$originals = unpack($order, substr($data, 12, 4))[1];
	$translations = unpack($order, substr($data, 16, 4))[1];
	$strings = [];
	for ($i = 0; $i < $count; $i++) {
		[$length, $offset] = array_values(unpack("{$order}2", substr($data, $originals + 8 * $i, 8)));
		$msgid = substr($data, $offset, $length);
		[$length, $offset] = array_values(unpack("{$order}2", substr($data, $translations + 8 * $i, 8)));
		if ($msgid !== '') {
			$strings[$msgid] = substr($data, $offset, $length);
		}
	}
	return $strings;
}

/** The script defining the translation functions for $language (e.g. de_DE.UTF-8). */
function gw_translations_script(GwPluginManager $plugins, string $language): string
{
	$catalogs = [];
	foreach ($plugins->translationsDirs as $name => $dir) {
		$catalogs['plugin_' . $name] = gw_read_mo("$dir/$language/LC_MESSAGES/plugin_$name.mo") ?: new stdClass();
	}
	$json = json_encode($catalogs, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE);
	return <<<JS
var gwCatalogs = $json;
function _(key, domain) { var c = gwCatalogs[domain || '']; return c && Object.prototype.hasOwnProperty.call(c, key) ? c[key] : key; }
function ngettext(s, p, n) { return n == 1 ? s : p; }
function pgettext(ctx, s) { return s; }
function npgettext(ctx, s, p, n) { return n == 1 ? s : p; }
JS;
}
