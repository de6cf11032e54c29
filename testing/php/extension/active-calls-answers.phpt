--TEST--
activeCalls(): every failure is its documented exception; answers that are not a list of calls are PbxRejectedException, never a crash
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';

// Against the emulator: the same errors as makeCall().
foreach ([
    fn () => Click2Dial\activeCalls('alice', 'wrong-pin'),
    fn () => Click2Dial\activeCalls('mallory', '0000'),
    fn () => Click2Dial\activeCalls('alice'),
] as $attempt) {
    show_exception($attempt);
}
set_fault(['mode' => 'status', 'status' => 503, 'times' => 1]);
show_exception(fn () => Click2Dial\activeCalls('alice', '0000'));
set_fault(['mode' => 'drop', 'times' => 1]);
show_exception(fn () => Click2Dial\activeCalls('alice', '0000'));
clear_fault();
var_dump(Click2Dial\activeCalls('alice', '0000'));

// A server that answers 200 with something else than sipXconfig's JSON list.
$dir = sys_get_temp_dir() . '/c2d-fake-' . getmypid();
@mkdir($dir);
$socket = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
fclose($socket);
$server = proc_open([PHP_BINARY, '-n', '-S', "127.0.0.1:$port", __DIR__ . '/../fixtures/fake-sipxconfig.php'],
    [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null,
    ['FAKE_ANSWER' => "$dir/answer"]);
for ($i = 0; $i < 100 && !@fsockopen('127.0.0.1', $port); $i++) {
    usleep(50000);
}
$ini = ['click2dial.server' => "http://127.0.0.1:$port", 'click2dial.allow_http' => '1'];
foreach (['json', 'xml', 'truncated', 'wrong-types', 'huge', 'html'] as $answer) {
    file_put_contents("$dir/answer", $answer);
    $child = run_php('show_exception(function () { var_dump(Click2Dial\activeCalls("alice", "0000")[0]["start"] ?? null); });', $ini);
    echo "$answer: ", trim($child['out'] . $child['err']), "\n";
}
proc_terminate($server);
proc_close($server);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECTF--
Click2Dial\AuthenticationException (401): sipXconfig at localhost:%d did not accept the password of user "206" (HTTP 401 Unauthorized): check the user's PBX PIN (the sipXecs user-portal PIN, not the SIP password)
Click2Dial\UnknownUserException (0): %s
Click2Dial\CredentialException (0): %s
Click2Dial\PbxRejectedException (503): sipXconfig at localhost:%d failed on the request for the calls in progress (HTTP 503 Service Unavailable): try again later; if it persists, check sipXconfig's log
Click2Dial\PbxUnreachableException (0): %s
array(0) {
}
json: int(1)
no exception
xml: Click2Dial\PbxRejectedException (200): sipXconfig at 127.0.0.1:%d answered the list of calls in progress in a form click2dial does not read: the answer is not JSON (%s)
truncated: Click2Dial\PbxRejectedException (200): %s the answer is not JSON (%s)
wrong-types: Click2Dial\PbxRejectedException (200): %s the answer is not a list of calls (%s)
huge: Click2Dial\PbxRejectedException (200): sipXconfig at 127.0.0.1:%d answered the list of calls in progress with more than 256 KiB; it is not read
html: Click2Dial\PbxRejectedException (200): %s the answer is not JSON (%s)
