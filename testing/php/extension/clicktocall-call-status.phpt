--TEST--
callStatus() with click2dial.pbx = clicktocall: both legs to answered, a busy number, a busy phone, the never-final path ended by the follow time-out, progress read by another process after the one that placed the call exited, HTTP tells nothing
--EXTENSIONS--
click2dial
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/clicktocall.php';

$inc = [__DIR__ . '/../inc/clicktocall.php'];
$emulator = clicktocall_start();
// Each case in a process of its own (the settings are system-level); the process places the
// call, follows it with callStatus() and prints its history.
$follow = function (string $to, string $from, array $more = [], bool $xml = true) use ($emulator, $inc) {
    $code = 'require_once ' . var_export(__DIR__ . '/../inc/clicktocall.php', true) . ';'
        . '$call = Click2Dial\makeCall(' . var_export($to, true) . ', ' . var_export($from, true) . ');'
        . '$s = follow_status($call); echo $s["state"], " ", $s["leg"] ?? "-", " ", $s["code"] ?? "-", " ", $s["reason"] ?? "-", "\n", history_line($s), "\n";'
        . '$at = array_column($s["history"], "at"); $sorted = $at; sort($sorted); echo $at === $sorted ? "in order" : "out of order", "\n";';
    $run = run_php($code, clicktocall_ini($emulator, $xml, $more), $inc);
    echo $run['out'], $run['err'];
};

echo "-- both answer\n";
$follow('2102', '2101');
echo "-- the number is busy\n";
clicktocall_control($emulator, 'PUT', '/fault', ['mode' => 'busy', 'times' => 1]);
$follow('2112', '2111');
echo "-- the user's own phone is busy\n";
$follow('2122', '3121');
echo "-- never final: the follower's own time-out ends it\n";
clicktocall_control($emulator, 'PUT', '/fault', ['mode' => 'never_final', 'times' => 1]);
$follow('2132', '2131', ['click2dial.clicktocall_follow_timeout_ms' => '500']);
echo "-- HTTP: no progress\n";
$follow('2142', '2141', [], false);

echo "-- placed by a CLI script that exits, read by another process\n";
$placed = run_php('echo json_encode(Click2Dial\makeCall("2152", "2151"));', clicktocall_ini($emulator, true), $inc);
var_dump($placed['status']);
$call = json_decode($placed['out'], true);
$read = run_php('$s = follow_status(' . var_export($call, true) . '); echo $s["state"], ": ", history_line($s), "\n";',
    clicktocall_ini($emulator, true), $inc);
echo $read['out'], $read['err'];

echo "-- a call id that is not one\n";
$bad = run_php('try { Click2Dial\callStatus(["call_id" => "../../etc/passwd"]); } catch (ValueError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }',
    clicktocall_ini($emulator, true), $inc);
echo $bad['out'];
?>
--EXPECT--
-- both answer
answered destination - -
requested -> ringing/initiator -> connected/initiator -> calling/destination -> answered/destination
in order
-- the number is busy
failed destination 486 Failed to connect to destination
requested -> ringing/initiator -> connected/initiator -> calling/destination -> failed/destination 486
in order
-- the user's own phone is busy
failed initiator 486 Failed to connect to initiator
requested -> ringing/initiator -> failed/initiator 486
in order
-- never final: the follower's own time-out ends it
unknown initiator - -
requested -> ringing/initiator -> connected/initiator -> unknown/initiator
in order
-- HTTP: no progress
unknown - - -
requested -> unknown
in order
-- placed by a CLI script that exits, read by another process
int(0)
answered: requested -> ringing/initiator -> connected/initiator -> calling/destination -> answered/destination
-- a call id that is not one
ValueError: $placedCall['call_id'] must be the call id makeCall() returned
