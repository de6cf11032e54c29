<?php
/*
 * The php-fpm page of the two-pool case (testing/scripts/reliability): two web servers with
 * their own state folders and one Redis (click2dial.shared_state), the limit a minute on.
 *
 * A number per request, as call.php makes it (no other request of the run dials it); the
 * user's click2dial.rate_limit, kept on Redis, decides which requests are placed and which are
 * refused (429), whichever server they land on. The body has a fixed length
 * (ab counts a body of another length as a failed request); nginx logs the X-C2D-* headers.
 */

declare(strict_types=1);

$number = sprintf('9%07d%05d', (int) $_SERVER['C2D_CONNECTION'], (int) $_SERVER['C2D_CONNECTION_REQUEST']);
header('X-C2D-Worker: ' . getmypid());
header('X-C2D-Server: ' . basename((string) ini_get('click2dial.state_dir')));
try {
    $call = Click2Dial\makeCall($number, $_SERVER['C2D_USER'], $_SERVER['C2D_PIN']);
    header('X-C2D-Dialed: ' . $call['dialed']);
    echo "placed\n";
} catch (Click2Dial\RateLimitedException $e) {
    http_response_code(429);
    header('X-C2D-Refused: ' . $number);
    echo "refuse\n";
} catch (Throwable $e) {
    // The class and message only: the extension's messages carry no secret, a trace might.
    http_response_code(500);
    error_log(get_class($e) . ': ' . $e->getMessage());
    echo "failed\n";
}
