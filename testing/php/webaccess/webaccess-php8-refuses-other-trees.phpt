--TEST--
webaccess-php8: a folder that is not WebAccess 7 (one marker file missing, or another program) is refused and left byte for byte as it was
--FILE--
<?php
require __DIR__ . '/../inc/webaccess-php8.php';

$dir = wa_workspace('refuses');
// WebAccess 6 and WebApp lack the plugin manager / the old XML parser.
unlink("$dir/web/server/core/class.pluginmanager.php");
$before = wa_fingerprint($dir);
$port = wa_port(["--backup-dir=$dir/backup", "$dir/web"]);
echo 'status ', $port['status'], ': ', $port['err'];
echo 'changed: ', json_encode(wa_differences($before, wa_fingerprint($dir))), "\n";

// The right file names with other contents are not WebAccess either.
wa_remove($dir);
$dir = wa_workspace('refuses');
file_put_contents("$dir/web/server/core/class.xmlparser.php", "<?php\n// an XML helper of another program\n");
$before = wa_fingerprint($dir);
$port = wa_port(["--backup-dir=$dir/backup", "$dir/web"]);
echo 'status ', $port['status'], ': ', $port['err'];
echo 'changed: ', json_encode(wa_differences($before, wa_fingerprint($dir))), "\n";

// A backup folder inside the web root would be served: refused before anything is written.
wa_remove($dir);
$dir = wa_workspace('refuses');
$before = wa_fingerprint($dir);
$port = wa_port(["--backup-dir=$dir/web/backups", "$dir/web"]);
echo 'status ', $port['status'], ': ', $port['err'];
$port = wa_port(["--backup-dir=$dir/web/../web/x", "$dir/web"]);
echo 'status ', $port['status'], "\n";
echo 'changed: ', json_encode(wa_differences($before, wa_fingerprint($dir))), "\n";
wa_remove($dir);
?>
--EXPECTF--
status 1: webaccess-php8: %s/web is not a Zarafa WebAccess 7 tree (missing: server/core/class.pluginmanager.php); nothing changed
changed: []
status 1: webaccess-php8: %s/web is not a Zarafa WebAccess 7 tree (missing: server/core/class.xmlparser.php (class XMLParser)); nothing changed
changed: []
status 1: webaccess-php8: the backup folder %s/web/backups is inside the web root %s/web; name one outside it with --backup-dir
status 1
changed: []
