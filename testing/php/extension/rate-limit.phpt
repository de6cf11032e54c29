--TEST--
Call limits: the same number twice within the window and too many calls a minute are a RateLimitedException, shared by all processes
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$state = sys_get_temp_dir() . '/c2d-limits-' . getmypid();
@mkdir($state, 0700);
$ini = ['click2dial.rate_limit' => '3', 'click2dial.duplicate_window_ms' => '5000', 'click2dial.state_dir' => $state];
clear_calls();
$call = fn(string $to, string $pin = '0000') => 'show_exception(function () {
    $r = Click2Dial\makeCall("' . $to . '", "alice", "' . $pin . '"); echo "placed ", $r["dialed"], "\n"; throw new LogicException("ok"); });';

// A double click: the second is refused, in another process just like in the same one.
echo run_php($call('201'))['out'] ?: '', '';
echo run_php($call('201'), $ini)['out'];
$second = run_php('$e = null; try { Click2Dial\makeCall("201", "alice", "0000"); } catch (Click2Dial\RateLimitedException $e) {}
                   var_dump($e instanceof Click2Dial\Exception, $e?->getCode() >= 1 && $e?->getCode() <= 5);', $ini);
echo $second['out'], $second['err'];
echo run_php($call('201'), $ini)['out'];

// A call the PBX refused gives its number back: trying again at once is allowed.
echo run_php($call('202', 'wrong'), $ini)['out'];
echo preg_replace('/localhost:\d+/', 'localhost:PORT', run_php($call('202', 'wrong'), $ini)['out']);

// Three calls a minute: 201, 202 and 202 were sent, so the fourth is refused, whatever the number.
echo run_php($call('203'), $ini)['out'];
// Another user has limits of their own.
echo run_php('echo Click2Dial\makeCall("203", "bob.smith", "1234")["status"], "\n";', $ini)['out'];

// Without a usable state folder nothing is placed.
echo run_php($call('204'), ['click2dial.state_dir' => '/nonexistent/state'] + $ini)['out'];
echo count(recorded_calls()), " calls reached the PBX\n";
array_map('unlink', glob("$state/*"));
rmdir($state);
?>
--EXPECTF--
placed 201
LogicException (0): ok
placed 201
LogicException (0): ok
bool(true)
bool(true)
Click2Dial\RateLimitedException (%d): PBX account "206" called "201" less than 5 s ago: the first call is on its way (a second click places no second call); to call again, wait %d s
Click2Dial\AuthenticationException (401): sipXconfig at localhost:%d did not accept the password of user "206" (HTTP 401 Unauthorized): check the user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)
Click2Dial\AuthenticationException (401): sipXconfig at localhost:PORT did not accept the password of user "206" (HTTP 401 Unauthorized): check the user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)
Click2Dial\RateLimitedException (%d): PBX account "206" has placed 3 calls in the last minute, as many as click2dial.rate_limit allows: try again in %d s
200
Click2Dial\ConfigurationException (0): the call limits cannot be kept in /nonexistent/state (No such file or directory (os error 2)), so nothing is sent to the PBX: let the web server's user write there, or set click2dial.state_dir
3 calls reached the PBX
