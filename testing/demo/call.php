<?php
/*
 * The command-line demo: place calls through the click2dial extension and show what the PBX
 * (the sipXconfig emulator) received. testing/scripts/demo runs it with the extension and settings.
 */

declare(strict_types=1);

$control = getenv('C2D_CONTROL') ?: 'http://127.0.0.1:18444';

function say(string $text): void
{
    echo $text, "\n";
}

function pbx_calls(string $control): array
{
    return json_decode((string) file_get_contents("$control/calls"), true) ?? [];
}

say('click2dial ' . phpversion('click2dial') . ', talking to ' . ini_get('click2dial.server'));
say('');
say('1. Alice (login "alice", extension ' . Click2Dial\getUsernr('alice') . ') clicks "Call contact" on +49 (5331) 939-0:');
$result = Click2Dial\makeCall('+49 (5331) 939-0', 'alice', '0000');
say(sprintf('   makeCall() returned: user %s, dialed %s, HTTP %d, %.1f ms',
    $result['user'], $result['dialed'], $result['status'], $result['elapsed_ms']));
$calls = pbx_calls($control);
$last = end($calls);
say(sprintf('   The PBX received: %s, authenticated as %s, calling %s',
    $last['path'], $last['user'], $last['to']));
say('   sipXconfig now rings ' . $last['from'] . ' and, once it is picked up, connects it to ' . $last['to'] . '.');
say('   (HTTP 200 means "accepted", not "connected".)');
say('');

say('2. Bob types his PIN wrong:');
try {
    Click2Dial\makeCall('206', 'bob', '9999');
} catch (Click2Dial\AuthenticationException $e) {
    say('   ' . get_class($e) . ' (' . $e->getCode() . '): ' . $e->getMessage());
}
say('');

say('3. A number the PBX cannot dial is refused before anything is sent:');
try {
    Click2Dial\makeCall('0800 FLOWERS #2', 'alice', '0000');
} catch (Click2Dial\InvalidNumberException $e) {
    say('   ' . get_class($e) . ': ' . $e->getMessage());
}
say('');

say('4. A login that is not in the directory:');
try {
    Click2Dial\makeCall('207', 'mallory', '0000');
} catch (Click2Dial\UnknownUserException $e) {
    say('   ' . get_class($e) . ': ' . $e->getMessage());
}
say('');
say('The PBX recorded ' . count(pbx_calls($control)) . ' call(s).');
