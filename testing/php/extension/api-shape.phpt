--TEST--
The extension is loaded and has the documented functions and exception classes
--FILE--
<?php
var_dump(extension_loaded('click2dial'));
foreach (['Click2Dial\makeCall', 'Click2Dial\getUsernr', 'Click2Dial\normalizeNumber',
          'Click2Dial\decryptSessionPassword', 'Click2Dial\encryptCredential',
          'Click2Dial\decryptCredential', 'Click2Dial\generateKey'] as $name) {
    $f = new ReflectionFunction($name);
    $params = [];
    foreach ($f->getParameters() as $p) {
        $params[] = $p->getType() . ' $' . $p->getName()
            . ($p->isDefaultValueAvailable() ? ' = ' . var_export($p->getDefaultValue(), true) : '');
    }
    echo $f->getName(), '(', implode(', ', $params), '): ', $f->getReturnType(), "\n";
}
foreach (['Exception', 'ConfigurationException', 'InvalidNumberException', 'NumberNotAllowedException',
          'UnknownUserException', 'CredentialException', 'AuthenticationException',
          'PbxRejectedException', 'PbxUnreachableException', 'RateLimitedException'] as $short) {
    $class = "Click2Dial\\$short";
    echo $class, ' extends ', get_parent_class($class), "\n";
}
$e = new Click2Dial\PbxRejectedException('made by PHP code', 503);
var_dump($e instanceof RuntimeException, $e->getCode());
?>
--EXPECT--
bool(true)
Click2Dial\makeCall(string $toNumber, string $fromUser, ?string $password = NULL): array
Click2Dial\getUsernr(string $fromUser): ?string
Click2Dial\normalizeNumber(string $number): string
Click2Dial\decryptSessionPassword(string $stored, string $key, string $iv, ?string $method = NULL): string
Click2Dial\encryptCredential(string $secret, string $user): string
Click2Dial\decryptCredential(string $token, string $user): string
Click2Dial\generateKey(): string
Click2Dial\Exception extends RuntimeException
Click2Dial\ConfigurationException extends Click2Dial\Exception
Click2Dial\InvalidNumberException extends Click2Dial\Exception
Click2Dial\NumberNotAllowedException extends Click2Dial\Exception
Click2Dial\UnknownUserException extends Click2Dial\Exception
Click2Dial\CredentialException extends Click2Dial\Exception
Click2Dial\AuthenticationException extends Click2Dial\Exception
Click2Dial\PbxRejectedException extends Click2Dial\Exception
Click2Dial\PbxUnreachableException extends Click2Dial\Exception
Click2Dial\RateLimitedException extends Click2Dial\Exception
bool(true)
int(503)
