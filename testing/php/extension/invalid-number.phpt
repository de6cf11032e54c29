--TEST--
Numbers sipXconfig would refuse are an InvalidNumberException, and no request is sent
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
$before = pbx_requests();
foreach (['', '  ', '12#3', 'sip:207', '207@example.test', "207\r\nX-Injected: 1", "20\x007",
          str_repeat('1', 65), '..%2F..', "20\xff7"] as $number) {
    show_exception(fn() => Click2Dial\makeCall($number, 'alice', '0000'));
}
var_dump(pbx_requests() - $before);
try {
    Click2Dial\makeCall([207], 'alice', '0000');
} catch (TypeError $e) {
    echo "TypeError for an array\n";
}
?>
--EXPECT--
Click2Dial\InvalidNumberException (0): no number was given: pass the number to call
Click2Dial\InvalidNumberException (0): the number "  " has no digits to dial
Click2Dial\InvalidNumberException (0): the number "12#3" cannot be dialed: the character '#' is not allowed (use digits, letters, '+', '*' and ';')
Click2Dial\InvalidNumberException (0): the number "sip:207" cannot be dialed: the character ':' is not allowed (use digits, letters, '+', '*' and ';')
Click2Dial\InvalidNumberException (0): the number "207@example.test" cannot be dialed: the character '@' is not allowed (use digits, letters, '+', '*' and ';')
Click2Dial\InvalidNumberException (0): the number "207\r\nX-Injected: 1" cannot be dialed: the control character \u{d} is not allowed (use digits, letters, '+', '*' and ';')
Click2Dial\InvalidNumberException (0): the number "20\07" cannot be dialed: the control character \u{0} is not allowed (use digits, letters, '+', '*' and ';')
Click2Dial\InvalidNumberException (0): the number "1111111111111111111111111111111111111111…" is longer than 64 characters: pass a single phone number or extension
Click2Dial\InvalidNumberException (0): the number "..%2F.." cannot be dialed: the character '%' is not allowed (use digits, letters, '+', '*' and ';')
Click2Dial\InvalidNumberException (0): the number is not valid UTF-8: convert it to UTF-8 first (WebAccess keeps logins and passwords in Windows-1252)
int(0)
TypeError for an array
