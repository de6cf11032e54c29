--TEST--
grommunio-web module with click2dial.pbx = clicktocall: no PIN is asked or stored (stored mode included), settings {pin} is refused, progress follows both legs to the number's answer, and a busy number ends as failed/destination 486
--EXTENSIONS--
click2dial
--FILE--
<?php
require __DIR__ . '/../inc/harness.php';
require __DIR__ . '/../inc/clicktocall.php';

$open = clicktocall_start();
$code = <<<'PHP'
define('PLUGIN_CLICK2DIAL_CREDENTIALS', 'stored');
require MODULE_HOST;
gw_login('2101', 'not a PIN');
echo 'settings: ', gw_show(gw_request('settings', [])), "\n";
echo 'store a PIN: ', gw_show(gw_request('settings', ['pin' => '1234'])), "\n";
echo 'forget: ', gw_show(gw_request('settings', ['forget' => true])), "\n";

/** Places a call to $number and asks about it as the client does, until it ends; the steps seen. */
function follow(string $number): array
{
	$call = gw_request('call', ['number' => $number]);
	echo 'call ', $number, ': ', gw_show($call), "\n";
	$question = array_intersect_key($call['success'] ?? [], array_flip(['user', 'user_extension', 'dialed', 'placed_at', 'call_id', 'ticket']));
	$seen = [];
	$until = microtime(true) + 20;
	do {
		$reply = gw_request('progress', $question)['success'];
		$step = $reply['state'] . ($reply['leg'] ?? '' ? '/' . $reply['leg'] : '') . ($reply['code'] ?? '' ? ' ' . $reply['code'] : '')
			. (isset($reply['error']) ? ' (' . $reply['error'] . ')' : '');
		if (end($seen) !== $step) {
			$seen[] = $step;
		}
		usleep(50000);
	} while (!in_array($reply['state'], ['answered', 'ended', 'not_answered', 'failed', 'unknown'], true) && microtime(true) < $until);
	return $seen;
}

/** Whether every step is one of $order and they come in its order (the client may miss some). */
function in_order(array $seen, array $order): string
{
	$positions = array_map(fn ($step) => array_search($step, $order, true), $seen);
	$sorted = $positions;
	sort($sorted);
	return !in_array(false, $positions, true) && $positions === array_values(array_unique($positions)) && $positions === $sorted
		? 'yes' : 'no: ' . implode(' -> ', $seen);
}

$seen = follow('2102');
echo 'steps known and in order: ', in_order($seen, ['requested', 'ringing/initiator', 'connected/initiator', 'calling/destination', 'answered/destination']), "\n";
echo 'last: ', end($seen), "\n";

clicktocall_control(EMULATOR, 'PUT', '/fault', ['mode' => 'busy']);
$seen = follow('2103');
clicktocall_control(EMULATOR, 'DELETE', '/fault');
echo 'steps known and in order: ', in_order($seen, ['requested', 'ringing/initiator', 'connected/initiator', 'calling/destination', 'failed/destination 486']), "\n";
echo 'last: ', end($seen), "\n";
echo 'PIN in the log: ', str_contains(implode("\n", gw_log()), 'not a PIN') ? 'yes' : 'no', "\n";
PHP;
$ini = clicktocall_ini($open, true, ['click2dial.credential_dir' => sys_get_temp_dir() . '/c2c-gw-plugin-' . getmypid()]);
@mkdir($ini['click2dial.credential_dir'], 0700);
$child = run_php('const MODULE_HOST = ' . var_export(__DIR__ . '/inc/module-host.php', true) . ";\n"
	. 'const EMULATOR = ' . var_export($open, true) . ";\n" . $code, $ini, [__DIR__ . '/../inc/clicktocall.php']);
echo $child['out'], $child['err'];
echo count(glob($ini['click2dial.credential_dir'] . '/*')), " PIN files\n";
exec('rm -rf ' . escapeshellarg($ini['click2dial.credential_dir']));
?>
--EXPECT--
settings: success credentials='none', pin_stored=false, changed=false
store a PIN: error not_stored_mode type=2
forget: error not_stored_mode type=2
call 2102: success number='2102', dialed='2102', status=100, user='2101', user_extension='2101', placed_at='(now)', call_id='(32 hex)', ticket='(64 hex)'
steps known and in order: yes
last: answered/destination
call 2103: success number='2103', dialed='2103', status=100, user='2101', user_extension='2101', placed_at='(now)', call_id='(32 hex)', ticket='(64 hex)'
steps known and in order: yes
last: failed/destination 486
PIN in the log: no
0 PIN files
