--TEST--
makeCall places the call as the directory's sipXecs user, and the PBX records it
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
clear_calls();
$result = Click2Dial\makeCall('207', 'alice', '0000');
var_dump(array_keys($result), $result['user'], $result['dialed'], $result['status']);
var_dump(is_float($result['elapsed_ms']) && $result['elapsed_ms'] > 0);
$calls = recorded_calls();
var_dump(count($calls));
echo $calls[0]['user'], ' ', $calls[0]['from'], ' -> ', $calls[0]['to'], ' (', $calls[0]['auth'], ")\n";

// A login that maps to another sipXecs user name authenticates as that user.
$result = Click2Dial\makeCall('206', 'BOB.SMITH', '1234');
echo $result['user'], "\n";
$calls = recorded_calls();
echo $calls[1]['login'], ' as ', $calls[1]['user'], ' -> ', $calls[1]['dialed'], "\n";
?>
--EXPECT--
array(13) {
  [0]=>
  string(4) "user"
  [1]=>
  string(6) "dialed"
  [2]=>
  string(6) "status"
  [3]=>
  string(10) "elapsed_ms"
  [4]=>
  string(4) "e164"
  [5]=>
  string(9) "extension"
  [6]=>
  string(9) "placed_at"
  [7]=>
  string(14) "user_extension"
  [8]=>
  string(3) "pbx"
  [9]=>
  string(5) "login"
  [10]=>
  string(7) "call_id"
  [11]=>
  string(20) "translated_initiator"
  [12]=>
  string(22) "translated_destination"
}
string(3) "206"
string(3) "207"
int(200)
bool(true)
int(1)
206 sip:206@example.test -> sip:207@example.test (basic)
bsmith
bsmith as 207 -> 206
