--TEST--
The settings are kept between calls, yet ini_set() and ini_restore() take effect on the very next call
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';

// Every function reads the settings as they stand; the first calls keep them.
echo Click2Dial\getUsernr('alice'), ' ', Click2Dial\normalizeNumber('207'), "\n";

// A wrong value is seen by the next call of each function, and is an error until it is undone.
ini_set('click2dial.timeout_ms', 'never');
show_exception(fn() => Click2Dial\getUsernr('alice'));
show_exception(fn() => Click2Dial\normalizeNumber('207'));
show_exception(fn() => Click2Dial\makeCall('207', 'alice', '0000'));
ini_restore('click2dial.timeout_ms');
echo Click2Dial\getUsernr('alice'), ' ', Click2Dial\makeCall('207', 'alice', '0000')['status'], "\n";

// Not only whether a value is valid: the new value itself is used, and the old one again after
// ini_restore() (the PBX answers after 400 ms, once within and once beyond the time-out).
set_fault(['mode' => 'delay', 'ms' => 400, 'times' => 1]);
ini_set('click2dial.timeout_ms', '150');
show_exception(fn() => Click2Dial\makeCall('207', 'alice', '0000'));
clear_fault();
set_fault(['mode' => 'delay', 'ms' => 400, 'times' => 1]);
ini_restore('click2dial.timeout_ms');
echo Click2Dial\makeCall('207', 'alice', '0000')['status'], "\n";
clear_fault();
var_dump(ini_get('click2dial.timeout_ms'));
?>
--EXPECTF--
206 207
Click2Dial\ConfigurationException (0): click2dial.timeout_ms is "never": give a whole number of milliseconds from 1 to 600000
Click2Dial\ConfigurationException (0): click2dial.timeout_ms is "never": give a whole number of milliseconds from 1 to 600000
Click2Dial\ConfigurationException (0): click2dial.timeout_ms is "never": give a whole number of milliseconds from 1 to 600000
206 200
Click2Dial\PbxUnreachableException (0): sipXconfig at localhost:%d did not answer within 150 ms (click2dial.timeout_ms): check that sipXconfig is running and reachable from this machine
200
string(4) "5000"
