--TEST--
Fault matrix, DNS: a host name that does not resolve is a PbxUnreachableException within the time-out, and the same worker calls once it resolves
--SKIPIF--
<?php
// The worker gets its own /etc/hosts in a private mount namespace, so that the name can start
// to resolve without touching the machine's.
exec('unshare -m sh -c "mount --bind /etc/hosts /etc/hosts" 2>&1', $output, $status);
if ($status !== 0) {
    echo 'skip needs unshare -m (root or CAP_SYS_ADMIN) for a private /etc/hosts';
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/faultservers.php';

$name = 'c2d-fault-pbx.invalid';
$figures = fault_figures_file('fault-dns');
@unlink($figures);
$servers = new FaultServers([$name]);
$hosts = $servers->dir . '/hosts';
file_put_contents($hosts, file_get_contents('/etc/hosts'));
$code = sprintf(<<<'PHP'
    [$hosts, $name, $figures] = [%s, %s, %s];
    run_fault_cases(['DNS name that does not resolve' => [
        'set' => fn() => null,
        'clear' => fn() => file_put_contents($hosts, "127.0.0.1 $name\n", FILE_APPEND),
        'class' => 'Click2Dial\PbxUnreachableException',
        'code' => 0,
    ]], $figures);
    PHP, var_export($hosts, true), var_export($name, true), var_export($figures, true));
$wrapper = ['unshare', '-m', 'sh', '-c', 'mount --bind "$0" /etc/hosts && exec "$@"', $hosts];
$child = run_php_wrapped($wrapper, $code, $servers->ini($name));
echo $child['out'], $child['err'];
echo 'exit status: ', $child['status'], "\n";
?>
--EXPECTF--
DNS name that does not resolve: as documented: cannot resolve the host name c2d-fault-pbx.invalid: check click2dial.server and this machine's DNS; within time-out + 10%; next call 200, recorded 1, same worker yes
exit status: 0
