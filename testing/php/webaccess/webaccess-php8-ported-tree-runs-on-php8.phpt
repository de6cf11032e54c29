--TEST--
webaccess-php8: a WebAccess 7 tree that dies on PHP 8 runs after the port with E_ALL, short tags off and no message, and behaves as on PHP 5
--FILE--
<?php
require __DIR__ . '/../inc/webaccess-php8.php';

$dir = wa_workspace('runs');
// Every construct the fixture holds, called once: the answers are what PHP 5 gave.
$code = <<<'CODE'
$m = new PluginManager();
echo 'plugins: ', json_encode($m->detect()), "\n";
echo 'checked: ', $m->checked(21), ' ', $m->checked(new PEAR_Error('x')), "\n";
echo 'sorted: ', json_encode($m->sorted(array('b', 'c', 'a'))), "\n";
echo 'pairs: ', pear_pairs(array('a' => 1, 'b' => 2)), "\n";
$json = new Services_JSON();
echo 'offsets: ', $json->first('abc'), "\n";
$xml = new XML_Parser();
echo 'xml: ', $xml->error_class, ' ', $xml->start(), ' ', $xml->remote('HTTP://x'), ' ', $xml->remote('/etc'), ' ', get_class($xml->raiseError('bad')), "\n";
$list = new ListModule(7, array());
echo 'module: ', $list->id, ' ', $list->login('alice@example.com'), "\n";
$user = new SettingsReader();
echo 'own parser: ', $user->root, ' ', $user->parse('<a/>'), ' ', xmlparser_make(), ' built-in ', get_class(xml_parser_create()), "\n";
$c = new Conversion();
echo 'conversion: ', $c->latin1("\xe9") === "\xc3\xa9" ? 'utf-8' : 'wrong', ' ', $c->day(86400 * 365), "\n";
echo 'switch: ', mapisession_kinds(array('a', 'skip', 'b')), "\n";
echo 'loader: ', loader_files('css', array('x', 'y')), ' dialog: ', dialog_task('contact_standard'), "\n";
echo 'first columns: ', $list->firstColumns(array('subject' => 1, 'date' => 0)), ' / ', $list->firstColumns(array()), "\n";
$check = new ConfigCheck();
echo 'config check failed: ', json_encode($check->failed), ' (short tags ', ini_get('short_open_tag') ? 'on' : 'off', ")\n";
echo 'error handler: ', fixture_error_handler(E_WARNING, 'x', 'f', 1), "\n";
$error = xml_util_check('1a');
echo 'static error: ', get_class($error), ' ', $error->message, "\n";
ob_start();
include dirname((new ReflectionClass('PluginManager'))->getFileName(), 3) . '/client/webclient.php';
echo str_replace("\n", '|', ob_get_clean()), "\n";
CODE;

$before = wa_run("$dir/web", $code);
echo 'before the port: ', strtok($before, "\n"), "\n";

$port = wa_port(["--backup-dir=$dir/backup", "$dir/web"]);
echo $port['out'], $port['err'], 'status ', $port['status'], "\n";
echo wa_run("$dir/web", $code);
wa_remove($dir);
?>
--EXPECTF--
before the port: PHP fatal: Array and string offset access syntax with curly braces is no longer supported
changed client/dialog.php
changed client/loader.php
changed client/webclient.php
changed debug.php
changed server/PEAR/JSON.php
changed server/PEAR/PEAR.php
changed server/PEAR/XML/Parser.php
changed server/PEAR/XML/Util.php
changed server/class.configcheck.php
changed server/core/class.conversion.php
changed server/core/class.mapisession.php
changed server/core/class.pluginmanager.php
changed server/core/class.xmlparser.php
changed server/modules/class.module.php
added server/php8-compat.php
ported 15 files; originals in %s/backup
status 0
plugins: ["demo"]
checked: 42 error
sorted: ["a","b","c"]
pairs: a=1&b=2
offsets: asabc
xml: XML_Parser_Error parser remote local PEAR_Error
module: 7 alice
own parser: user A new XMLParser() built-in XMLParser
conversion: utf-8 1971-01-01 00:00
switch: a,after,after,b,after
loader: css:x,y dialog: contact
first columns: 'subject' 'subject' / false NULL
config check failed: [] (short tags off)
error handler: handled x
static error: PEAR_Error invalid name 1a
<html><!-- the webclient page; with short tags on, "1" is PHP even in here -->|<title>webclient</title>|<?xml is a string here?>|</html>|
