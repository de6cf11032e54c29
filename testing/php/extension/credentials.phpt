--TEST--
A missing or empty password is a CredentialException that says where it should come from, and nothing is sent
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$before = pbx_requests();
show_exception(fn() => Click2Dial\makeCall('207', 'alice'));
show_exception(fn() => Click2Dial\makeCall('207', 'alice', null));
show_exception(fn() => Click2Dial\makeCall('207', 'alice', ''));
show_exception(fn() => Click2Dial\makeCall(toNumber: '207', fromUser: 'alice', password: "\xff"));
var_dump(pbx_requests() - $before);
?>
--EXPECT--
Click2Dial\CredentialException (0): no PBX PIN is stored for "alice": the user must enter their PIN in the plugin's settings (Settings, Click2Dial), which keeps it with Click2Dial\storeCredential()
Click2Dial\CredentialException (0): no PBX PIN is stored for "alice": the user must enter their PIN in the plugin's settings (Settings, Click2Dial), which keeps it with Click2Dial\storeCredential()
Click2Dial\CredentialException (0): the PBX password given for "alice" is empty: pass the user's sipXecs user-portal PIN
Click2Dial\CredentialException (0): the PBX password is not valid UTF-8: convert it to UTF-8 first (WebAccess keeps logins and passwords in Windows-1252)
int(0)
