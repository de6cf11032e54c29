<?php
/*
 * The php-fpm page of the load and recycling cases (testing/scripts/reliability): one call per request,
 * to a number no other request of the run dials, so the PBX's record can be checked call by call.
 *
 * ab requests the same URL every time, so the number comes from nginx: $connection (a serial
 * number, unique across nginx's workers) and $connection_requests (the request's position on that
 * connection) together name one request. The body has a fixed length because ab counts a body of
 * another length as a failed request; nginx logs the X-C2D-* headers, the responses' record.
 */

declare(strict_types=1);

$number = sprintf('9%07d%05d', (int) $_SERVER['C2D_CONNECTION'], (int) $_SERVER['C2D_CONNECTION_REQUEST']);
header('X-C2D-Worker: ' . getmypid());
try {
    $call = Click2Dial\makeCall($number, $_SERVER['C2D_USER'], $_SERVER['C2D_PIN']);
    header('X-C2D-Dialed: ' . $call['dialed']);
    printf("%d %s\n", $call['status'], $call['dialed']);
} catch (Throwable $e) {
    // The class and message only: the extension's messages carry no secret, a trace might.
    http_response_code(500);
    error_log(get_class($e) . ': ' . $e->getMessage());
    echo get_class($e), "\n";
}
