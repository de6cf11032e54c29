<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * Tells a request that WebAccess' own page sent from one that a page of another origin may have
 * made the user's browser send. click2dialmodule asks it before any action (see execute()).
 *
 * Why no token: WebAccess has no anti-CSRF token of its own, and a module cannot add one to the
 * session (zarafa.php closes the session before modules run). None is needed, because what the
 * real WebAccess client sends is already something another origin cannot send:
 *
 * - Content-Type text/xml. client/core/xmlrequest.js posts its XML with
 *   setRequestHeader("Content-Type", "text/xml;charset=utf-8;"). A page of another origin can
 *   only send text/plain, application/x-www-form-urlencoded or multipart/form-data without asking
 *   first (a form, fetch(..., {mode: "no-cors"})); any other type needs a CORS preflight, which
 *   WebAccess never answers. So only text/xml is taken, whatever its parameters; a missing type
 *   is refused too (a body sent as a Blob without a type carries none).
 * - Sec-Fetch-Site: browsers since 2020-2023 (Chrome 76, Firefox 90, Safari 16.4) say where a
 *   request comes from. It must be same-origin when present: a sibling subdomain or another port
 *   is "same-site", and SameSite cookies go along with its requests.
 * - Origin: browsers send it with every POST, also a form's; when present it must be this
 *   site's own scheme://host[:port] (or one named in PLUGIN_CLICK2DIAL_ORIGINS, for a proxy that
 *   changes the scheme or the Host header). "null" (sandboxed frames, data: pages) never matches.
 *
 * What it does not cover: a browser too old to send Sec-Fetch-Site or Origin whose own bugs
 * let a page send another content type without a preflight (old plug-ins such as Flash, early
 * sendBeacon with a typed Blob), and anything that runs inside the WebAccess origin itself (an
 * XSS in WebAccess or another plugin can send what WebAccess sends). Requests without a browser
 * (curl with a stolen session cookie) are not cross-site requests and are not its concern.
 */
class click2dialrequestguard
{
	/**
	 * null when the request may be acted on; otherwise why not, for the administrator's log.
	 * $server is $_SERVER; $extraOrigins is a space-separated list of more accepted origins.
	 */
	static function refusal($server, $extraOrigins = '')
	{
		$type = self::header($server, 'CONTENT_TYPE');
		if ($type === null) {
			$type = self::header($server, 'HTTP_CONTENT_TYPE');
		}
		if ($type === null || self::mediaType($type) !== 'text/xml') {
			return 'Content-Type ' . self::printable($type === null ? '(none)' : $type);
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

	static function header($server, $name)
	{
		return isset($server[$name]) && is_string($server[$name]) ? $server[$name] : null;
	}

	/** "text/xml;charset=utf-8;" -> "text/xml". */
	static function mediaType($contentType)
	{
		$parts = explode(';', $contentType, 2);
		return strtolower(trim($parts[0]));
	}

	/** This site's origin as the browser spells it, and those the administrator adds. */
	static function ownOrigins($server, $extraOrigins)
	{
		$origins = array();
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
		foreach (preg_split('/\s+/', trim((string) $extraOrigins), -1, PREG_SPLIT_NO_EMPTY) as $origin) {
			$origins[] = self::normalOrigin($origin);
		}
		return $origins;
	}

	/** Lower case, without a trailing slash and without the scheme's default port. */
	static function normalOrigin($origin)
	{
		$origin = rtrim(strtolower(trim($origin)), '/');
		return preg_replace(array('#^(http://[^/]+):80$#', '#^(https://[^/]+):443$#'), '$1', $origin);
	}

	/** What of a header value may go into the log: printable ASCII, at most 100 characters. */
	static function printable($value)
	{
		return substr(preg_replace('/[^\x20-\x7e]/', '?', $value), 0, 100);
	}
}
