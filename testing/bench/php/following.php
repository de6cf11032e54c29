<?php
// One part of testing/bench/following: `place USER PIN FILE` places a call for USER and writes
// makeCall()'s result to FILE; `follow USER PIN FILE SECONDS` is one browser tab following that
// call as the plugins do (callStatus(), then 1 s after each answer, again), for SECONDS, and
// prints how many looks it made.
[, $mode, $user, $pin, $file] = $argv;
if ($mode === 'place') {
    file_put_contents($file, json_encode(Click2Dial\makeCall('5551234', $user, $pin)));
    exit(0);
}
$call = json_decode((string) file_get_contents($file), true);
$until = hrtime(true) + (int) $argv[5] * 1_000_000_000;
$looks = 0;
while (hrtime(true) < $until) {
    Click2Dial\callStatus($call, $pin);
    $looks++;
    usleep(1_000_000); // the plugins' askAfterMs: 1 s after each answer
}
echo "looks $looks\n";
