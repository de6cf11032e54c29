--TEST--
A wrong PIN is an AuthenticationException with the HTTP status; the PIN is in no message
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();
$e = show_exception(fn() => Click2Dial\makeCall('207', 'alice', 'wrong-4711'));
var_dump($e instanceof Click2Dial\Exception, $e->getCode());
var_dump(str_contains($e->getMessage() . $e->getTraceAsString(), 'wrong-4711'));
var_dump(count(recorded_calls()));
// The right PIN for another user is still the wrong PIN for this one.
show_exception(fn() => Click2Dial\makeCall('207', 'alice', '1234'));
// A non-ASCII PIN is sent as UTF-8, as sipXconfig expects.
echo Click2Dial\makeCall('207', 'émile', 'pässwörd')['user'], "\n";
?>
--EXPECTF--
Click2Dial\AuthenticationException (401): sipXconfig at localhost:%d did not accept the password of user "206" (HTTP 401 Unauthorized): check the user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)
bool(true)
int(401)
bool(false)
int(0)
Click2Dial\AuthenticationException (401): sipXconfig at localhost:%d did not accept the password of user "206" (HTTP 401 Unauthorized): check the user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)
208
