--TEST--
webaccess-php8: each PHP 8 change is made on the code, by tokens; strings and comments that look like the same code are left as they were
--FILE--
<?php
require __DIR__ . '/../inc/webaccess-php8.php';

$dir = wa_workspace('tokens');
$port = wa_port(["--backup-dir=$dir/backup", "$dir/web"]);
echo 'status ', $port['status'], "\n";
$wanted = array(
    'server/PEAR/JSON.php' => array('return $s[0] . $this->text[1] . "{$s}";'),
    'server/core/class.xmlparser.php' => array('class WebAccessXMLParser', 'class SettingsReader extends WebAccessXMLParser',
        '$parser = new WebAccessXMLParser();', '// "new XMLParser()" in a string and a comment stays as it is.',
        "return \$parser instanceof WebAccessXMLParser ? 'new XMLParser()' : 'no';", "parent::XMLParser('user');"),
    'server/modules/class.module.php' => array("function __construct(\$id, \$data)\n\t{\n\t\t\$this->id = \$id;",
        "function Module(\$id, \$data)\n\t{\n\t\tself::__construct(\$id, \$data);\n\t}", 'parent::Module($id, $data);',
        "return preg_replace('/@.*/', '', \$user);", '$first = (array_key_first($sort) ?? false);', '$shifted = array_key_first($sort);'),
    'server/PEAR/XML/Parser.php' => array('function &raiseError($msg = null, $ecode = 0, $mode = null)',
        'if ((is_resource($xp) || $xp instanceof \XMLParser)) {', "preg_match('#^(http|ftp)://#i', \$file)"),
    'server/PEAR/PEAR.php' => array('static function isError($data, $code = null)', 'foreach ($list as $key => $value) {',
        "\tfunction &raiseError(\$message = null"),
    'server/core/class.conversion.php' => array('static function twice($value)', 'static function plus($a, $b)',
        "\tfunction latin1(\$text)", "iconv('ISO-8859-1', 'UTF-8', \$text)", "webaccess_php8_strftime('%Y-%m-%d %H:%M', \$timestamp)",
        "<?php require_once __DIR__ . '/../../server/php8-compat.php';\n"),
    'server/core/class.pluginmanager.php' => array("#[\\AllowDynamicProperties]\nclass PluginManager",
        "(defined('DEBUG_PLUGINS') && DEBUG_PLUGINS)", '// The plugin manager: a PHP 4 constructor, DEBUG_PLUGINS (defined only',
        "usort(\$rows, function (\$a,\$b) { return strcmp(\$a, \$b); });"),
    'server/core/class.mapisession.php' => array("case 'skip':\n\t\t\t\tbreak;"),
    'client/loader.php' => array('function loader_files($type, $files)', "// Optional before required: \$type can never be left out."),
    'server/class.configcheck.php' => array("// webaccess-php8: no file needs short tags any more: \$this->checkPHPsetting(\"short_open_tag\", \"on\");",
        '$this->checkPHPsetting("zlib.output_compression", "off");', 'version_compare(phpversion($name), (string) $version)',
        'if ((ini_get($setting) === "" && $value === 0 ? false : ini_get($setting) != $value)) {'),
    'debug.php' => array('function fixture_error_handler($errno, $errstr, $errfile, $errline, $errcontext = null)'),
    'client/dialog.php' => array("preg_split('/_/', \$type)", '// The task split off the dialog type'),
    'client/webclient.php' => array("<?php \$title = 'webclient'; if (\$title) { ?>", '<title><?=$title?></title>', '<?php } ?>',
        "<?php echo \"<?xml is a string here?>\\n\"; ?>"),
);
foreach ($wanted as $file => $lines) {
    $ported = file_get_contents("$dir/web/$file");
    foreach ($lines as $line) {
        if (strpos($ported, $line) === false) {
            echo "$file lacks: $line\n";
        }
    }
}
// Nothing was changed that PHP 8 does not need: PEAR's own raiseError (nothing overrides it
// incompatibly from above) and ListModule (declares nothing, but sets nothing either) stay.
echo substr_count(file_get_contents("$dir/web/server/modules/class.module.php"), 'AllowDynamicProperties'), " attributes in class.module.php\n";
foreach (array('index.php', 'zarafa.php', 'static.php') as $file) {
    echo $file, file_get_contents("$dir/web/$file") === file_get_contents(WA_FIXTURE . "/$file") ? ' unchanged' : ' CHANGED', "\n";
}
// Every ported file compiles on PHP 8 with short tags off and no warning.
foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator("$dir/web/server", FilesystemIterator::SKIP_DOTS)) as $file) {
    $lint = shell_exec(escapeshellarg(PHP_BINARY) . ' -d short_open_tag=0 -d error_reporting=-1 -l ' . escapeshellarg((string) $file) . ' 2>&1');
    if (strpos($lint, 'No syntax errors') !== 0 || substr_count($lint, "\n") !== 1) {
        echo $lint;
    }
}
wa_remove($dir);
echo "done\n";
?>
--EXPECT--
status 0
0 attributes in class.module.php
index.php unchanged
zarafa.php unchanged
static.php unchanged
done
