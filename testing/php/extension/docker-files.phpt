--TEST--
docker/: every file the Dockerfile copies exists, and the compose file names real stages
--DESCRIPTION--
No Docker engine runs here, so the images are not built in the test suite; this catches the
way they break most often, a file moved or renamed under them.
--FILE--
<?php
$root = dirname(__DIR__, 3);
$dockerfile = file_get_contents("$root/docker/Dockerfile");
$sources = [];
foreach (preg_split('/\n/', $dockerfile) as $line) {
    if (preg_match('/^COPY\s+(?!--from)(.+)$/', $line, $m)) {
        $parts = preg_split('/\s+/', trim($m[1]));
        array_pop($parts); // the destination
        foreach ($parts as $source) {
            $sources[] = $source;
        }
    }
}
$missing = array_filter($sources, fn ($source) => $source !== '.' && !file_exists("$root/" . rtrim($source, '/')));
echo count($sources) > 5 ? "copies checked\n" : "too few COPY lines found\n";
echo 'missing: ', json_encode(array_values($missing)), "\n";
preg_match_all('/^FROM\s+\S+\s+AS\s+(\S+)/m', $dockerfile, $stages);
$compose = file_get_contents("$root/docker/docker-compose.yml");
preg_match_all('/^\s+target:\s*(\S+)/m', $compose, $targets);
preg_match_all('/^\s+dockerfile:\s*(\S+)/m', $compose, $files);
echo 'stages: ', implode(' ', $stages[1]), "\n";
echo 'compose targets missing: ', json_encode(array_values(array_diff($targets[1], $stages[1]))), "\n";
foreach (array_unique($files[1]) as $file) {
    echo "$file exists: ", var_export(is_file("$root/$file"), true), "\n";
}
// The locales the plugin ships are generated in the web image, as scripts/install-deps does here.
foreach (glob("$root/plugin/language/*", GLOB_ONLYDIR) as $dir) {
    echo basename($dir), ' generated: ', var_export(str_contains($dockerfile, basename($dir)), true), "\n";
}
?>
--EXPECT--
copies checked
missing: []
stages: build emulator web
compose targets missing: []
docker/Dockerfile exists: true
de_DE.UTF-8 generated: true
en_US.UTF-8 generated: true
es_ES.UTF-8 generated: true
nl_NL.UTF-8 generated: true
