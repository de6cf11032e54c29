--TEST--
webaccess-php8: a second run changes nothing; --undo restores the tree byte for byte; backups stay outside the web root, private and never .php; config.php and plugins/ are never touched
--FILE--
<?php
require __DIR__ . '/../inc/webaccess-php8.php';

$dir = wa_workspace('undo');
$original = wa_fingerprint("$dir/web");
$port = wa_port(["--backup-dir", "$dir/backup", "$dir/web"]);
echo 'first run: status ', $port['status'], ', ', substr_count($port['out'], "\n") - 1, " files\n";
$ported = wa_fingerprint("$dir/web");
echo 'config.php and plugins/ changed: ', json_encode(array_values(array_filter(wa_differences($original, $ported),
    fn ($p) => $p === 'config.php' || strncmp($p, 'plugins', 7) === 0))), "\n";

// The backups: outside the tree, only the owner may enter, one .orig per changed file, no .php.
$backups = array_keys(wa_fingerprint("$dir/backup"));
echo 'backup folder mode: ', sprintf('%o', fileperms("$dir/backup") & 0777), "\n";
echo 'backup files: ', count(array_filter($backups, fn ($p) => substr($p, -5) === '.orig')), ' .orig, ',
    count(array_filter($backups, fn ($p) => substr($p, -4) === '.php')), ' .php, ',
    count(array_filter($backups, fn ($p) => strpos($p, 'config.php') !== false)), " config.php\n";
$modes = array_unique(array_map(fn ($p) => sprintf('%o', fileperms("$dir/backup/$p") & 0777), array_filter($backups, fn ($p) => substr($p, -5) === '.orig')));
echo 'backup file modes: ', implode(',', $modes), "\n";
echo 'a backup is the original: ', file_get_contents("$dir/backup/files/server/PEAR/JSON.php.orig") === file_get_contents(WA_FIXTURE . '/server/PEAR/JSON.php') ? 'yes' : 'no', "\n";

$port = wa_port(["--backup-dir", "$dir/backup", "$dir/web"]);
echo 'second run: status ', $port['status'], ', ', trim($port['out']), ', changed: ', json_encode(wa_differences($ported, wa_fingerprint("$dir/web"))), "\n";

// A file the administrator edited after the port is not overwritten by --undo.
file_put_contents("$dir/web/server/PEAR/JSON.php", "// edited later\n", FILE_APPEND);
$port = wa_port(['--undo', "--backup-dir=$dir/backup", "$dir/web"]);
echo $port['err'], 'undo: status ', $port['status'], ', ', substr_count($port['out'], "restored "), ' restored, ', substr_count($port['out'], "removed "), " removed\n";
echo 'left apart from the edit: ', json_encode(wa_differences($original, wa_fingerprint("$dir/web"))), "\n";
echo 'backup of the edited file kept: ', json_encode(array_keys(wa_fingerprint("$dir/backup/files/server/PEAR"))), "\n";
wa_remove($dir);

// And a plain port + undo: byte for byte, modes included, and the backup folder is gone.
$dir = wa_workspace('undo');
chmod("$dir/web/server/PEAR/JSON.php", 0640);
$original = wa_fingerprint("$dir/web");
wa_port(["--backup-dir", "$dir/backup", "$dir/web"]);
$port = wa_port(['--undo', "--backup-dir", "$dir/backup", "$dir/web"]);
echo 'undo: status ', $port['status'], ', differences: ', json_encode(wa_differences($original, wa_fingerprint("$dir/web"))), ', backup folder: ', is_dir("$dir/backup") ? 'kept' : 'gone', "\n";
$port = wa_port(['--undo', "--backup-dir", "$dir/backup", "$dir/web"]);
echo 'undo again: status ', $port['status'], ', ', trim($port['out']), "\n";
wa_remove($dir);
?>
--EXPECTF--
first run: status 0, 15 files
config.php and plugins/ changed: []
backup folder mode: 700
backup files: 14 .orig, 0 .php, 0 config.php
backup file modes: 600
a backup is the original: yes
second run: status 0, nothing to change, changed: []
webaccess-php8: server/PEAR/JSON.php changed since the port; left as it is (original in %s/backup)
undo: status 1, 13 restored, 1 removed
left apart from the edit: ["server\/PEAR\/JSON.php"]
backup of the edited file kept: ["JSON.php.orig","XML"]
undo: status 0, differences: [], backup folder: gone
undo again: status 0, nothing to undo (no backup in %s/backup)
