<?php
/*
 * For the grommunio-web module tests: the plugin folder grommunio-web/ loaded as
 * plugins/click2dial/ by the server stand-ins of testing/hosts/grommunio-web/server/, a login as
 * grommunio-web does it (EncryptionStore username and password) and one grommunio.php request.
 * Define PLUGIN_CLICK2DIAL_* constants before including this file to choose config.php's values.
 */
require_once __DIR__ . '/../../inc/harness.php';
require_once __DIR__ . '/../../../hosts/grommunio-web/server/standins.php';

$gwState = sys_get_temp_dir() . '/c2d-gw-test-' . getmypid();
@mkdir($gwState . '/plugins', 0700, true);
@symlink(dirname(__DIR__, 4) . '/grommunio-web', $gwState . '/plugins/click2dial');
register_shutdown_function(function () use ($gwState) {
	exec('rm -rf ' . escapeshellarg($gwState));
});
$GLOBALS['gw_state'] = $gwState;
// The plugin's lines for the administrator: gw_log() reads them.
ini_set('error_log', $gwState . '/php-errors.log');
$GLOBALS['gw_plugins'] = new GwPluginManager($gwState . '/plugins');
$GLOBALS['gw_plugins']->loadPlugin('click2dial');

/** A new browser logs in: a new session and encryption-store key, as WebAppAuthentication does. */
function gw_login(string $user, ?string $password): void
{
	EncryptionStore::reset();
	$_SESSION = [];
	$_COOKIE = [];
	EncryptionStore::getInstance()->add('username', $user);
	if ($password !== null) {
		EncryptionStore::getInstance()->add('password', $password);
	}
	$GLOBALS['mapisession'] = new MAPISession();
}

/** The headers the real client sends with its JSON (client/zarafa/core/Request.js). */
function gw_own_page_headers(): array
{
	return ['CONTENT_TYPE' => 'application/json; charset=utf-8;', 'HTTP_HOST' => 'mail.example.com',
		'HTTP_ORIGIN' => 'https://mail.example.com', 'HTTP_SEC_FETCH_SITE' => 'same-origin', 'HTTPS' => 'on'];
}

/**
 * One grommunio.php request with one action for click2dialmodule; returns the reply's actions
 * for that request id ([] when nothing was answered). $headers change gw_own_page_headers()
 * (null: not sent).
 */
function gw_request(string $action, array $data, array $headers = []): array
{
	foreach (array_merge(gw_own_page_headers(), $headers) as $name => $value) {
		if ($value === null) {
			unset($_SERVER[$name]);
		} else {
			$_SERVER[$name] = $value;
		}
	}
	$GLOBALS['settings'] = new Settings($GLOBALS['gw_state'] . '/settings-' . md5($GLOBALS['mapisession']->getUserName()) . '.json');
	$GLOBALS['settings']->init($GLOBALS['gw_plugins']);
	$body = json_encode(['zarafa' => ['click2dialmodule' => ['click2dialmodule1' => [$action => $data ?: new stdClass()]]]]);
	$reply = json_decode(gw_handle_json($body, $GLOBALS['gw_plugins']), true);
	return $reply['zarafa']['click2dialmodule']['click2dialmodule1'] ?? [];
}

/** A reply as one line: success {...} or error kind (detail). */
function gw_show(array $reply): string
{
	if (isset($reply['error'])) {
		$info = $reply['error']['info'];
		return 'error ' . $info['kind'] . ($info['detail'] !== '' ? ' (' . $info['detail'] . ')' : '') . ' type=' . $reply['error']['type'];
	}
	$fields = [];
	foreach ($reply['success'] ?? [] as $name => $value) {
		if ($name === 'ticket') {
			$value = strlen($value) === 64 ? '(64 hex)' : '(bad: ' . $value . ')';
		} elseif ($name === 'call_id') {
			$value = strlen($value) === 32 && ctype_xdigit($value) ? '(32 hex)' : '(bad: ' . $value . ')';
		} elseif ($name === 'placed_at' && abs((int) $value - microtime(true) * 1000) < 10000) {
			$value = '(now)';
		}
		$fields[] = $name . '=' . var_export($value, true);
	}
	return 'success ' . implode(', ', $fields);
}

/** The PHP error log lines written so far. */
function gw_log(): array
{
	$file = $GLOBALS['gw_state'] . '/php-errors.log';
	return is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [];
}
