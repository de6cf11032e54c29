--TEST--
Plugin with click2dial.pbx = clicktocall: no PIN is asked or stored (stored mode included), the call goes through, and progress follows both legs through callStatus
--EXTENSIONS--
click2dial
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/clicktocall.php';

$open = clicktocall_start();
$code = <<<'PHP'
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
require FIXTURES . '/plugin-host.php';
plugin_login('2101', 'not a PIN');
echo plugin_reply(plugin_request('<action type="getsettings"></action>')), "\n";
echo 'savepin: ', plugin_reply(plugin_request('<action type="savepin"><pin>1234</pin></action>')), "\n";
$xml = plugin_request('<action type="call"><number>2102</number></action>');
echo plugin_reply($xml), "\n";
$called = array();
foreach (simplexml_load_string($xml)->module->action->children() as $child) {
    $called[$child->getName()] = (string) $child;
}
$seen = array();
$until = microtime(true) + 20;
do {
    $ask = '<action type="progress">';
    foreach (array('dialed', 'placed_at', 'user', 'user_extension', 'call_id', 'ticket') as $name) {
        $ask .= "<$name>" . htmlspecialchars($called[$name], ENT_XML1) . "</$name>";
    }
    $reply = simplexml_load_string(plugin_request($ask . '</action>'))->module->action;
    $step = $reply->state . ($reply->leg != '' ? '/' . $reply->leg : '') . ($reply->code != '' ? ' ' . $reply->code : '');
    if (end($seen) !== $step) {
        $seen[] = $step;
    }
    usleep(50000);
} while (!in_array((string) $reply->state, array('answered', 'ended', 'not_answered', 'failed', 'unknown'), true) && microtime(true) < $until);
// The browser asks now and then, so it may miss a step the server passed quickly; what it sees
// comes in the order of the two legs and ends with the number's answer.
$order = array('requested', 'ringing/initiator', 'connected/initiator', 'calling/destination', 'answered/destination');
$positions = array_map(fn ($step) => array_search($step, $order, true), $seen);
echo 'steps known and in order: ', !in_array(false, $positions, true) && $positions === array_values(array_unique($positions)) && $positions == array_values(array_sort_copy($positions)) ? 'yes' : 'no: ' . implode(' -> ', $seen), "\n";
echo 'last: ', end($seen), "\n";
function array_sort_copy(array $a): array { sort($a); return $a; }
PHP;
$ini = clicktocall_ini($open, true, ['click2dial.credential_dir' => sys_get_temp_dir() . '/c2c-plugin-' . getmypid()]);
@mkdir($ini['click2dial.credential_dir'], 0700);
$child = run_php('const FIXTURES = ' . var_export(dirname(__DIR__) . '/fixtures', true) . ";\n" . $code, $ini,
    [__DIR__ . '/../inc/clicktocall.php']);
echo $child['out'], $child['err'];
echo count(glob($ini['click2dial.credential_dir'] . '/*')), " PIN files\n";
exec('rm -rf ' . escapeshellarg($ini['click2dial.credential_dir']));
?>
--EXPECT--
settings: changed=0, credentials=none, confirm=0, repeat_seconds=5, pin_stored=0, progress=1
savepin: error: error.kind=not_stored_mode, error.message=
called: number=2102, dialed=2102, status=100, user=2101, user_extension=2101, placed_at=(now)
steps known and in order: yes
last: answered/destination
0 PIN files
