<?php
/*
 * For the dial box's tests: the plugin in the WebAccess host (fixtures/plugin-host.php) with the
 * host's MAPI stand-in (testing/hosts/webaccess/server/core/mapi.php), a mailbox and GAB of the
 * test's own, and one line per offered number of a lookup reply.
 */
require_once dirname(__DIR__, 2) . '/fixtures/plugin-host.php';
require_once dirname(__DIR__, 4) . '/testing/hosts/webaccess/server/core/mapi.php';

/** A contact item of host_mailbox()'s form from named properties (display_name, business_telephone_number, ...). */
function dial_box_contact(array $fields): array
{
	$tags = array('company_telephone_number' => PR_COMPANY_MAIN_PHONE_NUMBER, 'ttytdd_telephone_number' => PR_TTYTDD_PHONE_NUMBER,
		'telex_telephone_number' => PR_TELEX_NUMBER);
	$item = array();
	foreach ($fields as $name => $value) {
		$item[isset($tags[$name]) ? $tags[$name] : constant('PR_' . strtoupper($name))] = $value;
	}
	return $item;
}

/** The lookup reply for $query: "error ...", or a line per recent number and per match. */
function dial_box(string $query, array $headers = array()): string
{
	$xml = plugin_request('<action type="lookup"><query>' . htmlspecialchars($query, ENT_XML1) . '</query></action>', $headers);
	$action = simplexml_load_string($xml)->module->action;
	if ((string) $action['type'] !== 'matches') {
		return plugin_reply($xml) . "\n";
	}
	$lines = array();
	foreach ($action->recent as $recent) {
		$lines[] = 'recent | ' . $recent->number . ' | ' . $recent->dial;
	}
	foreach ($action->match as $match) {
		$lines[] = implode(' | ', array($match->name, $match->source, $match->field, $match->number, $match->dial));
	}
	$error = isset($action->error) ? ' (error ' . $action->error . ')' : '';
	return count($lines) . ' lines' . $error . "\n" . implode('', array_map(function ($line) { return "  $line\n"; }, $lines));
}
