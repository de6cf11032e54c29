<?php
/*
 * Helpers for testing/php/webaccess/webaccess-php8-*.phpt: a fresh copy of the fake WebAccess 7 tree
 * (fixtures/webaccess7, written for the project), a run of scripts/webaccess-php8 on it, and a
 * fingerprint of a whole tree (every path, its bytes and its mode) to show what changed.
 */

declare(strict_types=1);

const WA_FIXTURE = __DIR__ . '/../fixtures/webaccess7';
const WA_SCRIPT = __DIR__ . '/../../../scripts/webaccess-php8';

/** A fresh folder holding a copy of the fixture tree at web/ and room for backups beside it. */
function wa_workspace(string $name): string
{
    $dir = sys_get_temp_dir() . '/c2d-webaccess-php8-' . $name . '-' . getmypid();
    wa_remove($dir);
    mkdir("$dir/web", 0755, true);
    wa_copy(WA_FIXTURE, "$dir/web");
    return $dir;
}

function wa_copy(string $from, string $to): void
{
    foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($from, FilesystemIterator::SKIP_DOTS), RecursiveIteratorIterator::SELF_FIRST) as $entry) {
        $target = $to . substr($entry->getPathname(), strlen($from));
        if ($entry->isDir()) {
            mkdir($target, 0755, true);
        } else {
            copy($entry->getPathname(), $target);
            chmod($target, 0644);
        }
    }
}

function wa_remove(string $dir): void
{
    if (!is_dir($dir)) {
        return;
    }
    foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS), RecursiveIteratorIterator::CHILD_FIRST) as $entry) {
        $entry->isDir() && !$entry->isLink() ? rmdir($entry->getPathname()) : unlink($entry->getPathname());
    }
    rmdir($dir);
}

/** Runs the port script (as an administrator would, with the system's PHP) and returns its result. */
function wa_port(array $args): array
{
    $command = array_merge([PHP_BINARY, WA_SCRIPT], $args);
    $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    return ['out' => $out, 'err' => $err, 'status' => proc_close($process)];
}

/** path => sha256 and mode of every file and folder under $dir. */
function wa_fingerprint(string $dir): array
{
    $print = [];
    foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS), RecursiveIteratorIterator::SELF_FIRST) as $entry) {
        $path = substr($entry->getPathname(), strlen($dir) + 1);
        $mode = sprintf('%o', fileperms($entry->getPathname()) & 07777);
        $print[$path] = $entry->isDir() ? "dir $mode" : hash_file('sha256', $entry->getPathname()) . " $mode";
    }
    ksort($print);
    return $print;
}

/** The paths whose fingerprint differs between two fingerprints. */
function wa_differences(array $before, array $after): array
{
    $paths = array_unique(array_merge(array_keys($before), array_keys($after)));
    sort($paths);
    return array_values(array_filter($paths, fn ($p) => ($before[$p] ?? null) !== ($after[$p] ?? null)));
}

/**
 * Loads the tree's library in a PHP 8 child with E_ALL and short tags off (as php-fpm on
 * Debian), runs $code, and reports every message PHP gives as a line "PHP message: ...".
 */
function wa_run(string $web, string $code): string
{
    $prelude = 'set_error_handler(function ($no, $msg, $file, $line) { echo "PHP message: $msg in ", basename($file), ":$line\n"; return true; });'
        . ' register_shutdown_function(function () { $e = error_get_last(); if ($e && $e["type"] & (E_ERROR | E_PARSE | E_COMPILE_ERROR | E_CORE_ERROR)) echo "PHP fatal: ", strtok($e["message"], "\n"), "\n"; });'
        . ' require ' . var_export("$web/index.php", true) . ';';
    $command = [PHP_BINARY, '-d', 'error_reporting=-1', '-d', 'display_errors=0', '-d', 'short_open_tag=0', '-d', 'date.timezone=UTC', '-r', $prelude . $code];
    $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    proc_close($process);
    return $out;
}
