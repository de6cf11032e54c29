--TEST--
Plugin: a request another origin's page can make (text/plain, form encodings, no type, Sec-Fetch-Site not same-origin, a foreign Origin) places no call and changes no PIN
--EXTENSIONS--
click2dial
--INI--
click2dial.rate_limit=0
click2dial.duplicate_window_ms=0
click2dial.credential_dir={PWD}/.run-plugin-cross-site/credentials
--FILE--
<?php
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
require __DIR__ . '/../fixtures/plugin-host.php';
// A credential store of its own, so that the PIN stored here reaches no other test.
$store = __DIR__ . '/.run-plugin-cross-site';
exec('rm -rf ' . escapeshellarg($store));
mkdir($store, 0700);
register_shutdown_function(function () use ($store) { exec('rm -rf ' . escapeshellarg($store)); });
clear_calls();
$log = sys_get_temp_dir() . '/c2d-cross-site-' . getmypid() . '.log';
ini_set('error_log', $log);
ini_set('log_errors', '1');
register_shutdown_function(function () use ($log) { @unlink($log); });

plugin_login('alice', 'login-password');
echo 'own page stores the PIN: ', plugin_reply(plugin_request('<action type="savepin"><pin>0000</pin></action>')), "\n";

// What the attacker's page wants: a call, its own PIN stored, then the PIN forgotten. Each attack
// changes one thing of what WebAccess' own page sends (the other headers absent, as from a
// browser that sends no fetch metadata), so each check is shown on its own.
$attack = '<action type="call"><number>207</number></action><action type="savepin"><pin>9999</pin></action>'
    . '<action type="clearpin"/><action type="progress"><dialed>207</dialed><placed_at>1</placed_at><user>206</user></action>';
$none = array('HTTP_ORIGIN' => null, 'HTTP_SEC_FETCH_SITE' => null);
$attacks = array(
    'fetch no-cors or form enctype=text/plain' => array('CONTENT_TYPE' => 'text/plain;charset=UTF-8') + $none,
    'form urlencoded' => array('CONTENT_TYPE' => 'application/x-www-form-urlencoded') + $none,
    'form multipart' => array('CONTENT_TYPE' => 'multipart/form-data; boundary=x') + $none,
    'no Content-Type (a Blob without type)' => array('CONTENT_TYPE' => null) + $none,
    'text/xml spelled as a prefix' => array('CONTENT_TYPE' => 'text/xmlx') + $none,
    'Sec-Fetch-Site cross-site' => array('HTTP_SEC_FETCH_SITE' => 'cross-site', 'HTTP_ORIGIN' => null),
    'Sec-Fetch-Site same-site (another port, a sibling subdomain)' => array('HTTP_SEC_FETCH_SITE' => 'same-site', 'HTTP_ORIGIN' => null),
    'Sec-Fetch-Site none' => array('HTTP_SEC_FETCH_SITE' => 'none', 'HTTP_ORIGIN' => null),
    'Origin of another site' => array('HTTP_ORIGIN' => 'https://evil.example') + array('HTTP_SEC_FETCH_SITE' => null),
    'Origin null (sandboxed frame)' => array('HTTP_ORIGIN' => 'null', 'HTTP_SEC_FETCH_SITE' => null),
    'Origin with our name as prefix' => array('HTTP_ORIGIN' => 'https://webmail.example.com.evil.example', 'HTTP_SEC_FETCH_SITE' => null),
    'Origin over plain http' => array('HTTP_ORIGIN' => 'http://webmail.example.com', 'HTTP_SEC_FETCH_SITE' => null),
    'Origin of another port, behind an nginx that drops the port from Host' => array('HTTPS' => null, 'HTTP_HOST' => '127.0.0.1', 'SERVER_PORT' => '26510', 'HTTP_ORIGIN' => 'http://127.0.0.1:26511', 'HTTP_SEC_FETCH_SITE' => null),
    'Origin on another port' => array('HTTP_ORIGIN' => 'https://webmail.example.com:8443', 'HTTP_SEC_FETCH_SITE' => null),
);
foreach ($attacks as $name => $headers) {
    echo $name, ': ', plugin_reply(plugin_request($attack, $headers)), "\n";
}
echo 'calls placed by the attacks: ', count(recorded_calls()), "\n";
echo 'after the attacks: ', plugin_reply(plugin_request('<action type="getsettings"/>')), "\n";
// The stored PIN is still 0000: a call with it goes through (9999 would be refused).
echo 'own page calls: ', plugin_reply(plugin_request('<action type="call"><number>207</number></action>')), "\n";

$lines = array_values(array_filter(explode("\n", (string) @file_get_contents($log)), 'strlen'));
echo 'log lines: ', count($lines), ' for ', count($attacks), " attacks\n";
echo $lines[0], "\n", $lines[count($lines) - 1], "\n";
echo 'the log holds a PIN or token: ', str_contains(implode("\n", $lines), '9999') || str_contains(implode("\n", $lines), '0000')
    || str_contains(implode("\n", $lines), 'c2d1.') ? 'yes' : 'no', "\n";

// What WebAccess' own page may look like, all accepted: an older browser without fetch metadata,
// another spelling of the type, the default port written out.
$own = array(
    'no Origin, no Sec-Fetch-Site' => $none,
    'TEXT/XML; charset=UTF-8' => array('CONTENT_TYPE' => 'TEXT/XML; charset=UTF-8'),
    'Host with the default port' => array('HTTP_HOST' => 'webmail.example.com:443'),
    'plain http on a port' => array('HTTPS' => null, 'HTTP_HOST' => '127.0.0.1:8080', 'HTTP_ORIGIN' => 'http://127.0.0.1:8080'),
    // Debian's nginx passes HTTP_HOST as $host, without the port (as the real WebAccess behind
    // nginx + php-fpm showed): the port comes from SERVER_PORT.
    'nginx: Host without its port, SERVER_PORT has it' => array('HTTPS' => null, 'HTTP_HOST' => '127.0.0.1', 'SERVER_PORT' => '26510', 'HTTP_ORIGIN' => 'http://127.0.0.1:26510'),
);
foreach ($own as $name => $headers) {
    echo $name, ': ', plugin_reply(plugin_request('<action type="getsettings"/>', $headers)), "\n";
}

// Behind a proxy that ends TLS, the request arrives as http: PLUGIN_CLICK2DIAL_ORIGINS names
// the address users see.
$proxied = array('HTTPS' => null, 'HTTP_HOST' => 'webmail.example.com');
echo 'proxy, not configured: ', plugin_reply(plugin_request('<action type="getsettings"/>', $proxied)), "\n";
$child = run_php('const FIXTURES = ' . var_export(__DIR__ . '/../fixtures', true) . ';'
    . " define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored'); define('PLUGIN_CLICK2DIAL_ORIGINS', 'https://other.example.com https://webmail.example.com/');"
    . " require FIXTURES . '/plugin-host.php'; ini_set('error_log', '/dev/null'); plugin_login('alice', 'x');"
    . " echo plugin_reply(plugin_request('<action type=\"getsettings\"/>', array('HTTPS' => null, 'HTTP_HOST' => 'webmail.example.com'))), \"\\n\";"
    . " echo plugin_reply(plugin_request('<action type=\"getsettings\"/>', array('HTTP_ORIGIN' => 'https://evil.example'))), \"\\n\";",
    ['click2dial.credential_dir' => ini_get('click2dial.credential_dir')]);
echo 'proxy, configured: ', $child['out'], $child['err'];
clear_calls();
?>
--EXPECTF--
own page stores the PIN: settings: changed=1, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
fetch no-cors or form enctype=text/plain: error: error.kind=cross_site, error.message=
form urlencoded: error: error.kind=cross_site, error.message=
form multipart: error: error.kind=cross_site, error.message=
no Content-Type (a Blob without type): error: error.kind=cross_site, error.message=
text/xml spelled as a prefix: error: error.kind=cross_site, error.message=
Sec-Fetch-Site cross-site: error: error.kind=cross_site, error.message=
Sec-Fetch-Site same-site (another port, a sibling subdomain): error: error.kind=cross_site, error.message=
Sec-Fetch-Site none: error: error.kind=cross_site, error.message=
Origin of another site: error: error.kind=cross_site, error.message=
Origin null (sandboxed frame): error: error.kind=cross_site, error.message=
Origin with our name as prefix: error: error.kind=cross_site, error.message=
Origin over plain http: error: error.kind=cross_site, error.message=
Origin of another port, behind an nginx that drops the port from Host: error: error.kind=cross_site, error.message=
Origin on another port: error: error.kind=cross_site, error.message=
calls placed by the attacks: 0
after the attacks: settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
own page calls: called: number=207, dialed=207, status=200, user=206, user_extension=206, placed_at=(now)
log lines: 14 for 14 attacks
%sclick2dial plugin: refused a request that a page of another origin could have sent (Content-Type text/plain;charset=UTF-8) for user alice; nothing was done
%sclick2dial plugin: refused a request that a page of another origin could have sent (Origin https://webmail.example.com:8443) for user alice; nothing was done
the log holds a PIN or token: no
no Origin, no Sec-Fetch-Site: settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
TEXT/XML; charset=UTF-8: settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
Host with the default port: settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
plain http on a port: settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
nginx: Host without its port, SERVER_PORT has it: settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
proxy, not configured: error: error.kind=cross_site, error.message=
proxy, configured: settings: changed=0, credentials=stored, confirm=0, repeat_seconds=5, pin_stored=1, progress=1
error: error.kind=cross_site, error.message=
