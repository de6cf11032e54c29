--TEST--
Every exception class of the extension is declared in the stub, mapped by the plugin to an error id, and every id the plugin sends has a text in the browser
--EXTENSIONS--
click2dial
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'session');
require __DIR__ . '/../fixtures/plugin-host.php';
$root = dirname(__DIR__, 3);

// The extension's classes, by reflection: the list every other one must cover.
$classes = array();
foreach ((new ReflectionExtension('click2dial'))->getClassNames() as $name) {
    if ($name === 'Click2Dial\Exception' || is_subclass_of($name, 'Click2Dial\Exception')) {
        $classes[$name] = get_parent_class($name);
    }
}
ksort($classes);
echo count($classes) >= 10 ? "the extension has its exception classes\n" : "too few classes: " . implode(', ', array_keys($classes)) . "\n";

// The stub, read as text: `class Name extends Parent` inside `namespace Click2Dial`.
$stub = file_get_contents($root . '/click2dial.stub.php');
preg_match_all('/\bclass\s+(\w+)\s+extends\s+(\\\\?[\w\\\\]+)/', $stub, $declared, PREG_SET_ORDER);
$stubbed = array();
foreach ($declared as [, $class, $parent]) {
    $parent = $parent[0] === '\\' ? substr($parent, 1) : 'Click2Dial\\' . $parent;
    $stubbed['Click2Dial\\' . $class] = $parent;
}
foreach ($classes as $class => $parent) {
    if (!isset($stubbed[$class])) {
        echo "the stub does not declare $class\n";
    } elseif (strcasecmp($stubbed[$class], $parent) !== 0) {
        echo "the stub declares $class extends {$stubbed[$class]}, the extension extends $parent\n";
    }
}

// The plugin's server module, asked for each class: a subclass must have an id of its own,
// not the fallback every other Throwable gets.
plugin_login('alice', '0000');
$GLOBALS['PluginManager']->loadModule('click2dialmodule');
$module = new click2dialmodule('webclient_1', array());
$fallback = $module->errorKind(new RuntimeException('not from click2dial'));
$ids = array($fallback => 'any other failure');
foreach ($classes as $class => $parent) {
    $id = $module->errorKind(new $class('m'));
    if ($class !== 'Click2Dial\Exception' && $id === $fallback) {
        echo "the plugin maps $class to no error id of its own\n";
    }
    $ids[$id] = $class;
}
// The ids the module sends on its own, read as text: fail('id', ...).
$source = file_get_contents($root . '/plugin/class.click2dialmodule.php');
preg_match_all('/->\s*fail\s*\(\s*[\'"](\w+)[\'"]/', $source, $literal);
foreach ($literal[1] as $id) {
    $ids[$id] = 'the module itself';
}
echo count($literal[1]) > 0 ? "the module sends ids of its own\n" : "no fail('id', ...) found in the module\n";

// The browser: the case labels of click2dial.js's failed(kind, detail), read as text. The
// default text is for ids the browser does not know (an older page); every id sent is named.
$js = file_get_contents($root . '/plugin/js/click2dial.js');
$texts = array();
if (!preg_match('/\bfailed\s*:\s*function\s*\(/', $js, $at, PREG_OFFSET_CAPTURE)) {
    echo "click2dial.js has no failed() handler\n";
} else {
    $open = strpos($js, '{', $at[0][1]);
    for ($depth = 0, $end = $open; $end < strlen($js); $end++) {
        $depth += $js[$end] === '{' ? 1 : ($js[$end] === '}' ? -1 : 0);
        if ($depth === 0) {
            break;
        }
    }
    preg_match_all('/\bcase\s*[\'"](\w+)[\'"]\s*:/', substr($js, $open, $end - $open), $cases);
    $texts = array_flip($cases[1]);
}
ksort($ids);
foreach ($ids as $id => $from) {
    if (!isset($texts[$id])) {
        echo "click2dial.js has no text for the error id $id (sent for $from)\n";
    }
}
echo "checked ", count($classes), " classes and ", count($ids), " error ids\n";
?>
--EXPECTF--
the extension has its exception classes
the module sends ids of its own
checked 10 classes and %d error ids
