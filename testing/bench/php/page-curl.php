<?php
/*
 * The php-fpm page of the concurrency benchmark with cURL, as well as PHP can do it: the handle
 * lives as long as the request, and curl_share_init's persistent share (PHP 8.5) is not here on
 * PHP 8.2, so each request opens a connection. (A CLI loop reuses one handle: see cli.php.)
 */
$handle = curl_init($_SERVER['C2D_URL'] . '/sipxconfig/rest/call/5551234');
curl_setopt_array($handle, [
    CURLOPT_CUSTOMREQUEST => 'PUT',
    CURLOPT_HTTPHEADER => ['Content-Length: 0'],
    CURLOPT_HTTPAUTH => CURLAUTH_BASIC,
    CURLOPT_USERPWD => $_SERVER['C2D_USER'] . ':' . $_SERVER['C2D_PIN'],
    CURLOPT_CAINFO => $_SERVER['C2D_CA'],
    CURLOPT_CONNECTTIMEOUT_MS => 2000,
    CURLOPT_TIMEOUT_MS => 5000,
    CURLOPT_FOLLOWLOCATION => false,
    CURLOPT_RETURNTRANSFER => true,
]);
if (curl_exec($handle) === false || curl_getinfo($handle, CURLINFO_RESPONSE_CODE) !== 200) {
    http_response_code(502);
    echo curl_error($handle), "\n";
    exit;
}
echo "ok\n";
