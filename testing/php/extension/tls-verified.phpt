--TEST--
TLS is verified: an untrusted CA and a wrong host name are each a PbxUnreachableException that says what to fix
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$before = count(recorded_calls());
$call = 'show_exception(fn() => Click2Dial\makeCall("207", "alice", "0000"));';

// The certificate is signed by a CA other than the one named in click2dial.ca_file.
$child = run_php($call, ['click2dial.ca_file' => state_file('other-ca.pem')]);
echo $child['out'], $child['err'];

// Without click2dial.ca_file the system's CAs are trusted, and sipXecs' private CA is not one.
$child = run_php($call, ['click2dial.ca_file' => '']);
echo $child['out'], $child['err'];

// The certificate names "localhost", not the address connected to.
$child = run_php($call, ['click2dial.server' => emulator_url('127.0.0.1')]);
echo $child['out'], $child['err'];

// A CA file that is missing, or not PEM, is a configuration mistake.
$child = run_php($call, ['click2dial.ca_file' => '/nonexistent/ca.pem']);
echo $child['out'], $child['err'];
$child = run_php($call, ['click2dial.ca_file' => __FILE__]);
echo $child['out'], $child['err'];

var_dump(count(recorded_calls()) - $before);
?>
--EXPECTF--
Click2Dial\PbxUnreachableException (0): the certificate of localhost is not signed by the CA in click2dial.ca_file (%s/other-ca.pem): set click2dial.ca_file to the CA of this sipXecs, published at https://localhost/authorities/
Click2Dial\PbxUnreachableException (0): the certificate of localhost is not signed by the system's CAs (click2dial.ca_file is not set): set click2dial.ca_file to the CA of this sipXecs, published at https://localhost/authorities/
Click2Dial\PbxUnreachableException (0): the certificate of 127.0.0.1 is not valid for the name 127.0.0.1 (it names %s): set click2dial.server to one of those names (sipXecs' fully qualified domain name)
Click2Dial\ConfigurationException (0): click2dial.ca_file /nonexistent/ca.pem cannot be read (No such file or directory (os error 2)): point it at sipXecs' CA certificate (PEM), which sipXecs publishes at https://<your sipXecs>/authorities/
Click2Dial\ConfigurationException (0): click2dial.ca_file %s/tls-verified.php holds no PEM certificate (-----BEGIN CERTIFICATE-----)
int(0)
