<?php
/**
 * IDE stubs for the click2dial PHP extension.
 *
 * testing/php/extension/stub-matches.phpt fails when these declarations and the extension differ, so this
 * file is kept in step with src/functions.rs and src/exceptions.rs.
 *
 * @generated never: written by hand, checked by the test suite.
 */

namespace Click2Dial {
    /**
     * Places a call: the PBX (click2dial.pbx: sipXconfig, or reSIProcate's clicktocall server)
     * rings $fromUser's own phone and, once it is picked up, connects it to $toNumber.
     *
     * $fromUser is a groupware login, looked up in click2dial.directory (without a directory the
     * login is the extension). Formatting in $toNumber (spaces, dots, dashes, brackets, slashes)
     * is removed; "+" is kept. With click2dial.dialplan the number is dialed as normalizeNumber()
     * returns it. $password is the user's sipXecs user-portal PIN; null lets the extension find
     * it: with click2dial.credentials = stored the PIN kept by storeCredential(), with
     * directory the directory's sealed one. With click2dial.pbx = clicktocall there is no
     * per-user password: $password is not used, the caller is $fromUser as the groupware logged
     * it in, and the initiator is the directory's sip_uri or click2dial.clicktocall_initiator.
     *
     * The result means the PBX accepted the call, not that anyone answered: pass it to
     * callStatus() (or, for sipXconfig, to callProgress() with activeCalls()) to find out what
     * happened next.
     *
     * @return array{user: string, dialed: string, status: int, elapsed_ms: float, e164: ?string, extension: ?string, placed_at: int, user_extension: string, pbx: string, translated_initiator: ?string, translated_destination: ?string}
     *   user: the PBX account the call was placed as (the directory's sipx_user); dialed: the
     *   number as the PBX received it; status: sipXconfig's HTTP status, or for clicktocall 200
     *   (HTTP interface) or 100 (XML interface); elapsed_ms: how long the PBX took to accept;
     *   e164: the number called in E.164 form (null for internal numbers and without a dial plan);
     *   extension: the extension written after the number, not dialed (null when none);
     *   placed_at: when sipXconfig accepted the call, in milliseconds since the Unix epoch;
     *   user_extension: the extension of $fromUser's phone; pbx: 'sipxconfig' or 'clicktocall';
     *   translated_initiator, translated_destination: the two addresses after the clicktocall
     *   server's translation rules (null for sipXconfig).
     * @throws ConfigurationException an INI setting or a file it names is missing or wrong, or the
     *   limits cannot be kept (the state folder, or the Redis of click2dial.shared_state)
     * @throws InvalidNumberException the number cannot be dialed; nothing was sent
     * @throws NumberNotAllowedException the dial plan forbids the number; nothing was sent
     * @throws UnknownUserException the directory does not know $fromUser
     * @throws CredentialException no password was given, and click2dial.credentials provides
     *   none (stored mode: the user has stored no PIN, or it does not open; directory mode: the
     *   provisioned token does not open)
     * @throws AuthenticationException the PBX refused the credentials (getCode(): 401 or 403;
     *   clicktocall: 401, click2dial.clicktocall_password_file does not hold its HttpAuthPwd)
     * @throws PbxRejectedException sipXconfig answered another non-2xx status (getCode()); the
     *   clicktocall server refused the call in its own words (missing values, no translation
     *   rule, invalid address: getCode() 400, the server's reason in the message)
     * @throws PbxUnreachableException DNS, connection, TLS or a time-out
     * @throws RateLimitedException too many calls a minute, the same number (however spelled)
     *   again at once, or too many failed sign-ins of the PBX account (getCode(): seconds to
     *   wait); nothing was sent
     */
    function makeCall(string $toNumber, string $fromUser, #[\SensitiveParameter] ?string $password = null): array {}

    /**
     * The calls in progress of $fromUser's phone, from sipXconfig's
     * /sipxconfig/rest/my/activecdrs, read with the same server, user, password, TLS and
     * time-outs as makeCall() (a null $password is found as makeCall() finds it). Reading places
     * nothing and is not counted by the call limits, but it carries the PIN: a failed sign-in
     * counts against the same failure budget as makeCall()'s (click2dial.failed_logins), and
     * while its back-off runs, reading is refused before anything is sent.
     *
     * While a call placed by makeCall() rings the user's phone, it shows as a call from the
     * user to the user; once picked up, as a call from the user to the dialed number.
     *
     * @return list<array{from: string, to: string, direction: string, start: int, duration: int, internal: bool}>
     *   from, to: user parts of the caller's and the callee's addresses; direction: as sipXecs
     *   names it (INCOMING, OUTGOING, ...); start: milliseconds since the Unix epoch (the
     *   PBX's clock); duration: milliseconds; internal: whether the caller is a PBX user.
     * @throws ConfigurationException an INI setting or a file it names is missing or wrong, or the
     *   limits cannot be kept (the state folder, or the Redis of click2dial.shared_state)
     * @throws UnknownUserException the directory does not know $fromUser
     * @throws CredentialException no password was given, and click2dial.credentials provides none
     * @throws AuthenticationException sipXconfig refused the credentials (getCode(): 401 or 403)
     * @throws PbxRejectedException sipXconfig answered another non-2xx status (getCode()), or
     *   an answer that is not a list of calls (getCode(): its status)
     * @throws PbxUnreachableException DNS, connection, TLS or a time-out
     * @throws RateLimitedException too many failed sign-ins of the PBX account (getCode():
     *   seconds to wait); nothing was sent
     */
    function activeCalls(string $fromUser, #[\SensitiveParameter] ?string $password = null): array {}

    /**
     * What became of a call: 'requested' (sipXconfig took it; the phone is not ringing yet),
     * 'ringing' (the user's phone rings), 'connected' (the user picked up and the PBX put the
     * phone through to the number; whether someone answers there is not known), 'ended' (it
     * was connected and is over) or 'not_answered' (the phone was not picked up within the
     * ring time-out). 'ended' and 'not_answered' never change.
     *
     * A pure function: to follow a call, keep the state it returned in $placedCall['state']
     * and ask again with a fresh activeCalls() — 'ended' can only be told from 'connected'.
     *
     * @param array{user: string, dialed: string, placed_at: int, user_extension?: ?string, state?: ?string, ring_timeout_ms?: int} $placedCall
     *   makeCall()'s result; the phone is recognised by user or user_extension (the PBX lists
     *   it by its canonical user name); ring_timeout_ms defaults to 30000.
     * @param list<array{from: string, to: string, start: int}> $activeCalls activeCalls()'s result
     * @param ?int $nowMs the time to judge at, in milliseconds since the Unix epoch; null: now
     * @throws \ValueError an argument does not have the shape described here
     */
    function callProgress(array $placedCall, array $activeCalls, ?int $nowMs = null): string {}

    /**
     * What became of a call makeCall() placed, with either PBX, asked from any PHP process of
     * the site: each call's record is kept under its call_id in click2dial.state_dir, or on the
     * Redis of click2dial.shared_state, which every web server of the site reads.
     *
     * 'state' is 'requested' (the PBX has the call; no phone rings yet), 'ringing' (your phone
     * rings), 'connected' (you picked up), 'calling' (the number rings), 'answered' (the number
     * picked up), 'ended' (a connected call is over), 'not_answered' (a phone rang and nobody
     * answered), 'failed' (busy, unknown, unreachable, refused) or 'unknown' (it cannot be
     * told). 'answered', 'ended', 'not_answered', 'failed' and 'unknown' never change.
     *
     * - clicktocall through its XML interface (click2dial.clicktocall_xml): the server's results
     *   per leg, read by a follower process that makeCall() started and that outlives the PHP
     *   process that placed the call; it stops at the final result or after
     *   click2dial.clicktocall_follow_timeout_ms (a phone still ringing is then 'not_answered',
     *   anything else 'unknown'). A follower gone without an end is 'unknown' (on Redis, once
     *   its lease lapses: within 15 s).
     * - clicktocall through its HTTP interface: the server tells nothing more, so 'unknown'.
     * - sipXconfig: each call reads activeCalls() for the caller (with $password, found as
     *   makeCall() finds it, and counted against the same failure budget) and judges it as
     *   callProgress() does; never 'calling' or 'answered', since sipXconfig cannot tell.
     *
     * @param array{call_id: string, ring_timeout_ms?: int} $placedCall makeCall()'s result (call_id
     *   is read, and ring_timeout_ms where set: for sipXconfig, how long a ringing phone may ring
     *   before it is 'not_answered', as callProgress() takes it; default 30000)
     * @return array{state: string, leg: ?string, code: ?int, reason: ?string, history: list<array{state: string, leg: ?string, code: ?int, at: int}>}
     *   leg: 'initiator' (your phone), 'destination' (the number) or null; code: the SIP code of
     *   a failure, else null; reason: the server's words for a failure, else null; history:
     *   every state seen, oldest first, each with its leg, code and time (ms since the epoch);
     *   states passed within one millisecond are all kept.
     * @throws \ValueError $placedCall has no call_id makeCall() could have returned
     * @throws ConfigurationException an INI setting or the state folder is wrong, or the Redis
     *   of click2dial.shared_state cannot be reached or answers wrongly
     * @throws UnknownUserException, CredentialException, AuthenticationException,
     *   PbxRejectedException, PbxUnreachableException, RateLimitedException as activeCalls()
     *   (sipXconfig only)
     */
    function callStatus(array $placedCall, #[\SensitiveParameter] ?string $password = null): array {}

    /**
     * The number as the PBX will dial it, by the dial plan in click2dial.dialplan: the outside
     * line and the national or international form for public numbers, internal numbers as they
     * are, the dial plan's translate rules. An extension written after the number ("ext. 12") is
     * not part of it. Without a dial plan the number is only cleaned, as makeCall() does.
     *
     * @throws ConfigurationException the dial plan file is missing or wrong
     * @throws InvalidNumberException the number cannot be read or dialed
     * @throws NumberNotAllowedException the dial plan forbids the number
     */
    function normalizeNumber(string $number): string {}

    /**
     * The phone numbers in $text that can be called, for a front end to turn into links: found
     * as libphonenumber's PhoneNumberMatcher finds them (leniency VALID), less dates, prices,
     * numbers labelled as references ("Order No.", "Konto-Nr.") and a time's hour run into a
     * number, and less what the dial plan refuses. Numbers written without a country code are
     * read as in $region (an ISO 3166 code such as "DE"), by default the dial plan's region;
     * without either only numbers written with "+" are found.
     *
     * Each number is ['start' => int, 'end' => int, 'text' => string, 'number' => string,
     * 'dial' => string, 'extension' => ?string]: start and end are UTF-16 code unit offsets
     * into $text (JavaScript string indices; end exclusive), text is the number as written,
     * number its E.164 form (what to give makeCall()), dial what the PBX will dial for it and
     * extension the extension written after it (not dialed), null when there is none.
     *
     * $text is at most 131072 bytes: send a longer body in pieces, split at line breaks.
     *
     * @throws \ValueError $text is not UTF-8 or longer than 131072 bytes, or $region is no
     *         country code
     * @throws ConfigurationException the dial plan file is missing or wrong
     */
    function findNumbers(string $text, ?string $region = null): array {}

    /**
     * The extension number of a groupware login, or null when the directory does not know it.
     * Without click2dial.directory the login itself is returned.
     *
     * @throws ConfigurationException the directory file is missing or malformed
     */
    function getUsernr(string $fromUser): ?string {}

    /**
     * Whether the PBX of click2dial.pbx signs each user in with their own password: true for
     * sipXconfig (a front end finds the user's PIN, or lets the extension find it), false for
     * reSIProcate's clicktocall server, which trusts the site (no PIN is asked or kept).
     *
     * @throws ConfigurationException click2dial.pbx names no PBX
     */
    function pbxAsksPassword(): bool {}

    /**
     * Opens the WebAccess login password as WebAccess keeps it in $_SESSION["password"], for
     * sites where the login password is also the PBX password (click2dial.credentials = session).
     *
     * Pass WebAccess' PASSWORD_KEY and PASSWORD_IV from its config.php. $method says how
     * WebAccess stored it: 'openssl' (openssl_encrypt, des-ede3-cbc; WebAccess 7.1.11 and
     * later), 'mcrypt' (mcrypt_encrypt, TRIPLEDES, zero padding) or 'plain'; null finds out.
     * An empty $key means the password was stored as it is; an empty $iv means an all-zero IV
     * (PHP before 5.3.3). The result is converted from Windows-1252 to UTF-8.
     *
     * @throws CredentialException the text does not open with this key and IV, or is empty
     */
    function decryptSessionPassword(#[\SensitiveParameter] string $stored, #[\SensitiveParameter] string $key, #[\SensitiveParameter] string $iv, ?string $method = null): string {}

    /**
     * Seals a PBX PIN for $user with the newest key of click2dial.key_file, for the directory's
     * credential column (stored mode keeps PINs with storeCredential() instead: a token in the
     * user's WebAccess settings would reach the browser with every page). The token
     * ("c2d1.<key id>.<data>") opens only with decryptCredential() for the same login.
     *
     * @throws ConfigurationException click2dial.key_file is missing, malformed or readable by others
     * @throws CredentialException the PIN is empty or too long, or $user is empty
     */
    function encryptCredential(#[\SensitiveParameter] string $secret, string $user): string {}

    /**
     * Opens a token made by encryptCredential() for the same $user (compared without regard
     * to case), with any key of click2dial.key_file.
     *
     * @throws ConfigurationException click2dial.key_file is missing, malformed or readable by others
     * @throws CredentialException the token was sealed for another user, altered, cut short, or
     *   sealed with a key that is no longer in the key file
     */
    function decryptCredential(#[\SensitiveParameter] string $token, string $user): string {}

    /**
     * Keeps $user's PBX PIN for click2dial.credentials = stored: sealed with the newest key of
     * click2dial.key_file for this login, in a file of click2dial.credential_dir on the server,
     * replacing the one stored before. It is never returned to PHP again; makeCall() and
     * activeCalls() open it when they are given no password.
     *
     * @throws ConfigurationException click2dial.credential_dir or click2dial.key_file is not
     *   set, or unsafe (another account of the machine can reach it), or cannot be written
     * @throws CredentialException the PIN is empty or too long, or $user is empty
     */
    function storeCredential(string $user, #[\SensitiveParameter] string $secret): void {}

    /**
     * Whether a PIN is stored for $user (logins are matched with ASCII letters folded to lower
     * case; other characters as they are). Whether it still opens is found out when it is used.
     *
     * @throws ConfigurationException click2dial.credential_dir is not set or unsafe, or the
     *   user's file is not one the extension wrote (a link, another account's file)
     * @throws CredentialException $user is empty
     */
    function hasStoredCredential(string $user): bool {}

    /**
     * Removes the PIN stored for $user; nothing stored is no error.
     *
     * @throws ConfigurationException click2dial.credential_dir is not set or unsafe, or the
     *   file cannot be removed
     * @throws CredentialException $user is empty
     */
    function forgetCredential(string $user): void {}

    /**
     * A new random key (AES-256) as a line for click2dial.key_file: "id:key". Put it first in
     * the file to make it the one that seals; keep older lines so that their tokens still open.
     */
    function generateKey(): string {}

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

    /**
     * The user reached click2dial.rate_limit, or called the same number again within
     * click2dial.duplicate_window_ms; getCode() is the seconds until a call is accepted again.
     */
    class RateLimitedException extends Exception {}
}
