<?php
/**
 * IDE stubs for the click2dial PHP extension.
 *
 * php-tests/stub-matches.phpt fails when these declarations and the extension differ, so this
 * file is kept in step with src/functions.rs and src/exceptions.rs.
 *
 * @generated never: written by hand, checked by the test suite.
 */

namespace Click2Dial {
    /**
     * Places a call: sipXconfig rings $fromUser's own phone and, once it is picked up, connects
     * it to $toNumber.
     *
     * $fromUser is a groupware login, looked up in click2dial.directory (without a directory the
     * login is the extension). Formatting in $toNumber (spaces, dots, dashes, brackets, slashes)
     * is removed; "+" is kept. $password is the user's sipXecs user-portal PIN.
     *
     * A 'status' of 200 means sipXconfig accepted the call, not that anyone answered.
     *
     * @return array{user: string, dialed: string, status: int, elapsed_ms: float}
     *   user: the sipXecs user the call was placed as; dialed: the number as the PBX received it;
     *   status: sipXconfig's HTTP status; elapsed_ms: how long sipXconfig took to answer.
     * @throws ConfigurationException an INI setting or a file it names is missing or wrong
     * @throws InvalidNumberException the number cannot be dialed; nothing was sent
     * @throws UnknownUserException the directory does not know $fromUser
     * @throws CredentialException no password was given
     * @throws AuthenticationException sipXconfig refused the credentials (getCode(): 401 or 403)
     * @throws PbxRejectedException sipXconfig answered another non-2xx status (getCode())
     * @throws PbxUnreachableException DNS, connection, TLS or a time-out
     */
    function makeCall(string $toNumber, string $fromUser, ?string $password = null): array {}

    /**
     * The extension number of a groupware login, or null when the directory does not know it.
     * Without click2dial.directory the login itself is returned.
     *
     * @throws ConfigurationException the directory file is missing or malformed
     */
    function getUsernr(string $fromUser): ?string {}

    /** Every click2dial failure. The message says what went wrong and what to check. */
    class Exception extends \RuntimeException {}

    /** An INI setting, or a file it names, is missing or wrong: for the administrator. */
    class ConfigurationException extends Exception {}

    /** The number cannot be dialed as written; no request was sent. */
    class InvalidNumberException extends Exception {}

    /** The dial plan forbids the number; the message gives the reason. */
    class NumberNotAllowedException extends Exception {}

    /** The directory does not know the groupware login. */
    class UnknownUserException extends Exception {}

    /** No usable PBX password was found or opened. */
    class CredentialException extends Exception {}

    /** sipXconfig refused the user's credentials; getCode() is 401 or 403. */
    class AuthenticationException extends Exception {}

    /** sipXconfig answered with another status that is not a success; getCode() is that status. */
    class PbxRejectedException extends Exception {}

    /** sipXconfig could not be reached: name resolution, connection, TLS or a time-out. */
    class PbxUnreachableException extends Exception {}

    /** The user placed too many calls too quickly; the message says when to try again. */
    class RateLimitedException extends Exception {}
}
