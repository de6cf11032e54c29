<?php
/*
 * Tells a request that grommunio-web's own page sent from one that a page of another origin may
 * have made the user's browser send. Click2DialModule asks it before any action.
 *
 * Why no token: grommunio-web has no anti-CSRF token a module could check, and grommunio.php
 * closes the session before modules run. None is needed, because what the real client sends is
 * already something another origin cannot send:
 *
 * - Content-Type application/json. client/zarafa/core/Request.js posts its JSON with
 *   "application/json; charset=utf-8;". A page of another origin can only send text/plain,
 *   application/x-www-form-urlencoded or multipart/form-data without a CORS preflight, which
 *   grommunio-web never answers. grommunio.php decodes the body whatever its type, so a text/plain
 *   body holding the same JSON would reach this module: only application/json is taken, and a
 *   missing type is refused (a Blob without a type carries none).
 * - Sec-Fetch-Site: when present it must be same-origin; a sibling subdomain or another port is
 *   "same-site", and SameSite cookies go along with its requests.
 * - Origin: browsers send it with every POST; when present it must be this site's own
 *   scheme://host[:port] (or one named in PLUGIN_CLICK2DIAL_ORIGINS). "null" never matches.
 *
 * Not covered: anything running inside grommunio-web's own origin (an XSS in the client or
 * another plugin can send what the client sends), and requests without a browser (curl with a
 * stolen session cookie), which are not cross-site requests.
 */
class Click2DialRequestGuard
{
	/**
	 * null when the request may be acted on; otherwise why not, for the administrator's log.
	 * $server is $_SERVER; $extraOrigins a space-separated list of more accepted origins.
	 */
	public static function refusal(array $server, string $extraOrigins = ''): ?string
	{
		$type = self::header($server, 'CONTENT_TYPE') ?? self::header($server, 'HTTP_CONTENT_TYPE');
		if ($type === null || self::mediaType($type) !== 'application/json') {
			return 'Content-Type ' . self::printable($type ?? '(none)');
		}
		$site = self::header($server, 'HTTP_SEC_FETCH_SITE');
		if ($site !== null && strtolower($site) !== 'same-origin') {
			return 'Sec-Fetch-Site ' . self::printable($site);
		}
		$origin = self::header($server, 'HTTP_ORIGIN');
		if ($origin !== null && !in_array(self::normalOrigin($origin), self::ownOrigins($server, $extraOrigins), true)) {
			return 'Origin ' . self::printable($origin);
		}
		return null;
	}

	private static function header(array $server, string $name): ?string
	{
		return isset($server[$name]) && is_string($server[$name]) ? $server[$name] : null;
	}

	/** "application/json; charset=utf-8;" -> "application/json". */
	private static function mediaType(string $contentType): string
	{
		return strtolower(trim(explode(';', $contentType, 2)[0]));
	}

	/** This site's origin as the browser spells it, and those the administrator adds. */
	private static function ownOrigins(array $server, string $extraOrigins): array
	{
		$origins = [];
		$host = self::header($server, 'HTTP_HOST');
		if ($host !== null && $host !== '') {
			$https = isset($server['HTTPS']) && $server['HTTPS'] !== '' && strtolower((string) $server['HTTPS']) !== 'off';
			$scheme = $https ? 'https' : 'http';
			$origins[] = self::normalOrigin($scheme . '://' . $host);
			// Debian's nginx passes HTTP_HOST as $host, which drops the port the browser wrote
			// (fastcgi_params since its 2025 security update): a site on another port is then
			// known only by SERVER_PORT. Seen with WebAccess behind nginx + php-fpm on port 26510.
			$port = self::header($server, 'SERVER_PORT');
			if (strpos($host, ':') === false && strpos($host, ']') === false && $port !== null && ctype_digit($port)) {
				$origins[] = self::normalOrigin($scheme . '://' . $host . ':' . $port);
			}
		}
		foreach (preg_split('/\s+/', trim($extraOrigins), -1, PREG_SPLIT_NO_EMPTY) as $origin) {
			$origins[] = self::normalOrigin($origin);
		}
		return $origins;
	}

	/** Lower case, without a trailing slash and without the scheme's default port. */
	private static function normalOrigin(string $origin): string
	{
		$origin = rtrim(strtolower(trim($origin)), '/');
		return preg_replace(['#^(http://[^/]+):80$#', '#^(https://[^/]+):443$#'], '$1', $origin);
	}

	/** What of a header value may go into the log: printable ASCII, at most 100 characters. */
	public static function printable(string $value): string
	{
		return substr(preg_replace('/[^\x20-\x7e]/', '?', $value), 0, 100);
	}
}
