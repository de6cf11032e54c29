<?php
/*
 * The server half of the click2dial plugin: adds a "Call" button to the contact dialog, and gives
 * the session the key of its call tickets while a page loads (class.click2dialcallticket.php).
 * Calls themselves go through click2dialmodule (class.click2dialmodule.php).
 */
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/class.click2dialcallticket.php';

class Pluginclick2dial extends Plugin
{
	// Parameters stay optional: WebAccess declares init() and execute() without any, and PHP 8
	// refuses an override that requires more than its parent.
	function init()
	{
		$this->registerHook('server.dialog.general.setup.getmenubuttons');
		// index.php runs these with the session still open; zarafa.php, where the module runs,
		// closes it first.
		$this->registerHook('server.index.load.main.before');
		$this->registerHook('server.index.load.dialog.before');
	}

	function execute($eventID = null, &$data = null)
	{
		if ($eventID === 'server.index.load.main.before' || $eventID === 'server.index.load.dialog.before') {
			click2dialcallticket::ensureSessionKey();
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
