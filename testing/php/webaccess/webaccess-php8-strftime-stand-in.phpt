--TEST--
webaccess-php8: the strftime() stand-in it adds gives strftime()'s output, day and month names in the locale's language included
--FILE--
<?php
require __DIR__ . '/../inc/webaccess-php8.php';

$dir = wa_workspace('strftime');
wa_port(["--backup-dir=$dir/backup", "$dir/web"]);
require "$dir/web/server/php8-compat.php";
$formats = array('%a %d-%m-%Y %H:%M', '%A, %B %d, %Y', '%a %x %X', '%c', '%e %j %y %C %p %I %l %k %u %w %D %F %T %R %h %b %%',
    '%W %U %G %V %g', '%d-%b-%Y', '%Y%m%d%H%M%S');
$times = array(0, 86400 * 45 + 3600 * 13 + 61, 1764700000, 1735603200, 1609459200);
$different = 0;
$checked = array();
foreach (array('C', 'de_DE.UTF-8', 'nl_NL.UTF-8', 'fr_FR.UTF-8') as $locale) {
    if (setlocale(LC_TIME, $locale) === false) {
        continue;
    }
    $checked[] = $locale;
    foreach ($times as $time) {
        foreach ($formats as $format) {
            $expected = @strftime($format, $time);
            $got = webaccess_php8_strftime($format, $time);
            if ($expected !== $got) {
                echo "$locale $time [$format]: strftime '$expected', stand-in '$got'\n";
                $different++;
            }
        }
    }
}
echo in_array('C', $checked, true) ? "C checked\n" : "C not checked\n";
echo "$different differences\n";
setlocale(LC_TIME, 'C');
echo webaccess_php8_strftime('%a %d-%m-%Y %H:%M', 86400 * 2), "\n";
// %s is the timestamp itself (PHP's own strftime reads it back in the system's time zone, not
// date.timezone, and is off by the difference; nothing in WebAccess uses %s).
echo webaccess_php8_strftime('%s', 1764700000), "\n";
wa_remove($dir);
?>
--INI--
date.timezone=Europe/Berlin
--EXPECT--
C checked
0 differences
Sat 03-01-1970 01:00
1764700000
