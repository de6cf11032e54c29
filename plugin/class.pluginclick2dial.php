<?php
/*
 * The server half of the click2dial plugin: adds a "Call" button to the contact dialog, and
 * moves a PIN an earlier version kept in the user's settings into the extension's credential
 * store before WebAccess writes those settings into the main page (pinstore.php).
 * Calls themselves go through click2dialmodule (class.click2dialmodule.php).
 */
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/pinstore.php';

class Pluginclick2dial extends Plugin
{
	// Parameters stay optional: WebAccess declares init() and execute() without any, and PHP 8
	// refuses an override that requires more than its parent.
	function init()
	{
		$this->registerHook('server.dialog.general.setup.getmenubuttons');
		$this->registerHook('server.index.login.success');
		$this->registerHook('server.index.load.main.before');
	}

	function execute($eventID = null, &$data = null)
	{
		if ($eventID === 'server.index.login.success' || $eventID === 'server.index.load.main.before') {
			$user = isset($_SESSION['username']) ? iconv('Windows-1252', 'UTF-8', (string) $_SESSION['username']) : '';
			if ($user !== '' && isset($GLOBALS['settings'])) {
				click2dial_move_pin($user);
			}
			return;
		}
		if ($eventID !== 'server.dialog.general.setup.getmenubuttons') {
			return;
		}
		if (!is_array($data) || !isset($data['task']) || $data['task'] !== 'contact_standard') {
			return;
		}
		$data['buttons'][] = array(
			'id' => 'click2dial',
			'name' => dgettext('plugin_click2dial', 'Call'),
			'title' => dgettext('plugin_click2dial', 'Call this contact: your phone rings first'),
			// JavaScript source, run in the dialog window (click2dial.js is loaded there too).
			'callback' => 'function(){ click2dialCallFromContactDialog(); }',
		);
	}
}
