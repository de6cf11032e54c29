<?php
/* The plugins' translations for the session's language, for dgettext() in the browser. */
require_once __DIR__ . '/server/core/host.php';
host_start_session();
session_write_close();
$manager = new PluginManager();
$manager->detectPlugins();
$domains = array();
foreach ($manager->getTranslationFiles(host_language()) as $domain => $file) {
	$domains[$domain] = host_read_mo($file);
}
header('Content-Type: text/javascript; charset=UTF-8');
echo 'webclient.translations = ', json_encode((object) $domains, JSON_HEX_TAG | JSON_UNESCAPED_UNICODE), ";\n";
