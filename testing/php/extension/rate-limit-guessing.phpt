--TEST--
PIN guessing: failed sign-ins through activeCalls (the progress path) and makeCall count against one budget per PBX account, with back-off; refused guesses are never sent
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$state = sys_get_temp_dir() . '/c2d-guessing-' . getmypid();
@mkdir($state, 0700);
// Two logins of one PBX account (206), and another account (bsmith, an alias of 207).
$users = tempnam(sys_get_temp_dir(), 'c2d-users');
file_put_contents($users, "login,extension,sipx_user\nalice,206,\nalice.example,206,\nbob.smith,207,bsmith\n");
$ini = ['click2dial.failed_logins' => '5', 'click2dial.state_dir' => $state, 'click2dial.directory' => $users];
clear_calls();
$sent_before = pbx_requests();

// Guess alice's PIN through the calls in progress, through both of her logins, from separate
// processes (as php-fpm workers would), until the back-off has grown to a few seconds. Each
// refusal is waited out, so a slow machine only adds guesses, never removes one.
$guess = <<<'PHP'
try {
    Click2Dial\activeCalls(getenv('C2D_LOGIN'), '9999');
    echo "read\n";
} catch (Click2Dial\AuthenticationException $e) {
    echo "wrong ", $e->getCode(), "\n";
} catch (Click2Dial\RateLimitedException $e) {
    echo "wait ", $e->getCode(), "\n";
}
PHP;
$allowed = 0;
$waits = [];
for ($try = 0; $try < 40; $try++) {
    putenv('C2D_LOGIN=' . ($try % 2 ? 'alice.example' : 'ALICE'));
    $answer = trim(run_php($guess, $ini)['out']);
    if (str_starts_with($answer, 'wrong 401')) {
        $allowed++;
        continue;
    }
    if (!str_starts_with($answer, 'wait ')) {
        echo "unexpected: $answer\n";
        break;
    }
    $wait = (int) substr($answer, 5);
    $waits[] = $wait;
    if ($wait >= 4) {
        break;
    }
    sleep($wait);
}
echo "guesses sent before the first wait: ", $allowed - count($waits) + 1 >= 5 ? 'five or more' : 'fewer than five', "\n";
echo "waits grew: ", json_encode($waits === [1, 2, 4] || (count($waits) >= 3 && end($waits) >= 4)), "\n";
echo "every guess the budget let through reached the PBX, no other: ", json_encode(pbx_requests() - $sent_before === $allowed), "\n";

// While the back-off runs, a call with the right PIN is refused too, before it is sent; so is
// the progress path, in another spelling of the login.
$sent = pbx_requests();
$refused = run_php('show_exception(fn() => Click2Dial\makeCall("201", "alice", "0000"));
    show_exception(fn() => Click2Dial\activeCalls("alice.example", "0000"));', $ini)['out'];
echo preg_replace('/\d+ times|waits \d+ s|\(\d+\)/', 'N', $refused);
echo "sent: ", pbx_requests() - $sent, ", calls placed: ", count(recorded_calls()), "\n";

// Another account has a budget of its own.
echo run_php('echo count(Click2Dial\activeCalls("bob.smith", "1234")), " calls in progress: another account signs in as before\n";', $ini)['out'];

array_map('unlink', glob("$state/*"));
rmdir($state);
unlink($users);
?>
--EXPECT--
guesses sent before the first wait: five or more
waits grew: true
every guess the budget let through reached the PBX, no other: true
Click2Dial\RateLimitedException N: PBX account "206" failed to sign in to the PBX N (a wrong PIN, or no permission): to slow down guessing, the next request N (click2dial.failed_logins); check the PIN before trying again
Click2Dial\RateLimitedException N: PBX account "206" failed to sign in to the PBX N (a wrong PIN, or no permission): to slow down guessing, the next request N (click2dial.failed_logins); check the PIN before trying again
sent: 0, calls placed: 0
0 calls in progress: another account signs in as before
