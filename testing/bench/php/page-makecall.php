<?php
// The php-fpm page of the concurrency benchmark: one call per request through the extension.
Click2Dial\makeCall('5551234', $_SERVER['C2D_USER'], $_SERVER['C2D_PIN']);
echo "ok\n";
