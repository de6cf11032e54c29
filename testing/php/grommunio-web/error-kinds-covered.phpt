--TEST--
grommunio-web plugin: every exception class of the extension has a kind of its own in the module, and every kind the module sends has advice in the client
--EXTENSIONS--
click2dial
--FILE--
<?php
require __DIR__ . '/inc/module-host.php';
$root = dirname(__DIR__, 3);
require_once $root . '/grommunio-web/php/class.click2dialmodule.php';

// The extension's classes, by reflection: the list the module must cover.
$classes = [];
foreach ((new ReflectionExtension('click2dial'))->getClassNames() as $name) {
    if (is_subclass_of($name, 'Click2Dial\Exception')) {
        $classes[] = $name;
    }
}
sort($classes);
echo count($classes) >= 9 ? "the extension has its exception classes\n" : 'too few: ' . implode(', ', $classes) . "\n";

$kinds = (new ReflectionClassConstant('click2dialmodule', 'KINDS'))->getValue();
foreach ($classes as $class) {
    if (!isset($kinds[$class])) {
        echo "the module maps $class to no kind of its own\n";
    }
}
foreach (array_keys($kinds) as $class) {
    if (!in_array($class, $classes, true)) {
        echo "the module maps $class, which the extension does not have\n";
    }
}

// The kinds the module sends on its own, read as text: fail('kind', ...).
$source = file_get_contents($root . '/grommunio-web/php/class.click2dialmodule.php');
preg_match_all('/->\s*fail\s*\(\s*[\'"](\w+)[\'"]/', $source, $literal);
echo count($literal[1]) > 0 ? "the module sends kinds of its own\n" : "no fail('kind', ...) found in the module\n";
$sent = array_unique(array_merge(array_values($kinds), $literal[1]));

// The client: the case labels of adviceFor(kind, detail), read as text.
$js = file_get_contents($root . '/grommunio-web/js/Click2Dial.js');
$cases = [];
if (!preg_match('/\badviceFor\s*:\s*function\s*\(/', $js, $at, PREG_OFFSET_CAPTURE)) {
    echo "Click2Dial.js has no adviceFor()\n";
} else {
    $open = strpos($js, '{', $at[0][1]);
    for ($depth = 0, $end = $open; $end < strlen($js); $end++) {
        $depth += $js[$end] === '{' ? 1 : ($js[$end] === '}' ? -1 : 0);
        if ($depth === 0) {
            break;
        }
    }
    preg_match_all('/\bcase\s*[\'"](\w+)[\'"]\s*:/', substr($js, $open, $end - $open), $found);
    $cases = $found[1];
}
sort($sent);
foreach ($sent as $kind) {
    if (!in_array($kind, $cases, true)) {
        echo "Click2Dial.js has no advice for the kind $kind\n";
    }
}
echo "checked ", count($sent), " kinds\n";
?>
--EXPECTF--
the extension has its exception classes
the module sends kinds of its own
checked %d kinds
