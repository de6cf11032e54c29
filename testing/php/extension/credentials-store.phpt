--TEST--
The credential store of stored mode: storeCredential keeps a PIN sealed on the server, makeCall and activeCalls with no password use it; no PIN, no folder setting, a folder others can reach, planted links and look-alike logins are refused
--INI--
click2dial.credential_dir={PWD}/.run-credentials-store/credentials
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$run = __DIR__ . '/.run-credentials-store';
exec('rm -rf ' . escapeshellarg($run));
mkdir($run, 0700);
$store = "$run/credentials";
clear_calls();
$file_of = fn(string $login) => "$store/" . hash('sha256', strtr($login, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')) . '.pin';

echo "nothing stored:\n";
var_dump(Click2Dial\hasStoredCredential('alice'));
show_exception(fn() => Click2Dial\makeCall('207', 'alice', null));
show_exception(fn() => Click2Dial\activeCalls('alice'));

echo "stored:\n";
var_dump(Click2Dial\storeCredential('alice', '0000'));
var_dump(Click2Dial\hasStoredCredential('ALICE'));
echo 'the file holds the PIN: ', str_contains(file_get_contents($file_of('alice')), '0000') ? 'yes' : 'no', "\n";
printf("folder %o, file %o\n", fileperms($store) & 0777, fileperms($file_of('alice')) & 0777);
echo Click2Dial\makeCall('207', 'alice')['status'], "\n";
echo count(Click2Dial\activeCalls('alice', null)) >= 0 ? "activeCalls reads with the stored PIN\n" : '';
echo "a look-alike login (full-width a) has none of alice's:\n";
var_dump(Click2Dial\hasStoredCredential("\u{FF41}lice"));

echo "a wrong PIN stored, then forgotten:\n";
Click2Dial\storeCredential('alice', '9999');
show_exception(fn() => Click2Dial\makeCall('207', 'alice'));
var_dump(Click2Dial\forgetCredential('alice'), Click2Dial\hasStoredCredential('alice'));
Click2Dial\forgetCredential('alice');
show_exception(fn() => Click2Dial\storeCredential('', '0000'));
show_exception(fn() => Click2Dial\storeCredential('alice', ''));

echo "the PIN is a SensitiveParameter in traces:\n";
try {
    Click2Dial\storeCredential('alice', str_repeat('7', 2000));
} catch (Click2Dial\CredentialException $e) {
    echo $e->getTrace()[0]['args'][1] instanceof SensitiveParameterValue ? "yes\n" : "no\n";
    echo str_contains($e->getTraceAsString() . print_r($e, true), '7777') ? "the PIN is shown\n" : "the PIN is not shown\n";
}

echo "another account's planted link in place of alice's file is not followed:\n";
$victim = "$run/victim";
file_put_contents($victim, "the web server's own file\n");
symlink($victim, $file_of('alice'));
show_exception(fn() => Click2Dial\makeCall('207', 'alice'));
Click2Dial\storeCredential('alice', '0000');
echo file_get_contents($victim);
echo is_link($file_of('alice')) ? "still a link\n" : "replaced by a file of its own\n";
Click2Dial\forgetCredential('alice');

$child = fn(string $dir) => run_php(<<<'PHP'
try { Click2Dial\storeCredential('alice', '0000'); echo "stored\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { Click2Dial\makeCall('207', 'alice'); echo "called\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
PHP, ['click2dial.credential_dir' => $dir, 'click2dial.credentials' => 'stored']);
echo "no folder set:\n";
echo $child('')['out'];
echo "a folder other users can read:\n";
mkdir("$run/open", 0755);
chmod("$run/open", 0755);
echo str_replace($run, 'RUN', $child("$run/open")['out']);
echo "a link to a folder:\n";
symlink($store, "$run/linked");
echo str_replace($run, 'RUN', $child("$run/linked")['out']);
echo count(recorded_calls()), " call placed\n";
exec('rm -rf ' . escapeshellarg($run));
?>
--EXPECTF--
nothing stored:
bool(false)
Click2Dial\CredentialException (0): no PBX PIN is stored for "alice": the user must enter their PIN in the plugin's settings (Settings, Click2Dial), which keeps it with Click2Dial\storeCredential()
Click2Dial\CredentialException (0): no PBX PIN is stored for "alice": the user must enter their PIN in the plugin's settings (Settings, Click2Dial), which keeps it with Click2Dial\storeCredential()
stored:
NULL
bool(true)
the file holds the PIN: no
folder 700, file 600
200
activeCalls reads with the stored PIN
a look-alike login (full-width a) has none of alice's:
bool(false)
a wrong PIN stored, then forgotten:
Click2Dial\AuthenticationException (401): sipXconfig at localhost:%d did not accept the password of user "206" (HTTP 401 Unauthorized): check the user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)
NULL
bool(false)
Click2Dial\CredentialException (0): no login was given: a sealed PIN is bound to the login of its user
Click2Dial\CredentialException (0): a PBX PIN must be 1 to 1024 bytes long
the PIN is a SensitiveParameter in traces:
yes
the PIN is not shown
another account's planted link in place of alice's file is not followed:
Click2Dial\ConfigurationException (0): the stored PIN %s is not used: it is a symbolic link; another account of this machine may have put it there: remove it, and let the user enter the PIN again
the web server's own file
replaced by a file of its own
no folder set:
Click2Dial\ConfigurationException: click2dial.credential_dir is not set: with click2dial.credentials = stored the users' PINs are kept there, sealed; set it in php.ini to a folder of the web server's user that survives a reboot, e.g. /var/lib/click2dial/credentials (mkdir, chown it to the web server's user, chmod 0700)
Click2Dial\ConfigurationException: click2dial.credential_dir is not set: with click2dial.credentials = stored the users' PINs are kept there, sealed; set it in php.ini to a folder of the web server's user that survives a reboot, e.g. /var/lib/click2dial/credentials (mkdir, chown it to the web server's user, chmod 0700)
a folder other users can read:
Click2Dial\ConfigurationException: click2dial.credential_dir RUN/open cannot hold the users' PINs: other users of this machine can reach it (mode 0755): chmod 0700
Click2Dial\ConfigurationException: click2dial.credential_dir RUN/open cannot hold the users' PINs: other users of this machine can reach it (mode 0755): chmod 0700
a link to a folder:
Click2Dial\ConfigurationException: click2dial.credential_dir RUN/linked cannot hold the users' PINs: it is a symbolic link; name the real folder
Click2Dial\ConfigurationException: click2dial.credential_dir RUN/linked cannot hold the users' PINs: it is a symbolic link; name the real folder
1 call placed
