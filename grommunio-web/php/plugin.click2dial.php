<?php
/*
 * The click2dial plugin's server class for grommunio-web: it hands the site's choices of
 * config.php to the browser as the defaults of the user settings zarafa/v1/plugins/click2dial/*.
 * As defaults (addSysAdminDefaults) they are not stored per user, so a change in config.php
 * reaches every user at their next page load. The PIN is never among them: grommunio-web writes
 * the whole settings tree into the page.
 */
class Pluginclick2dial extends Plugin
{
	public function init()
	{
		$this->registerHook('server.core.settings.init.before');
	}

	public function execute($eventID, &$data)
	{
		if ($eventID === 'server.core.settings.init.before') {
			$data['settingsObj']->addSysAdminDefaults(array('zarafa' => array('v1' => array('plugins' => array(
				'click2dial' => self::siteDefaults(),
			)))));
		}
	}

	/** What the browser may know of config.php. */
	public static function siteDefaults()
	{
		return array(
			'enable' => (bool) PLUGIN_CLICK2DIAL_USER_DEFAULT_ENABLE,
			'credentials' => self::credentialSource(),
			'confirm' => (bool) PLUGIN_CLICK2DIAL_CONFIRM,
			'show_progress' => (bool) PLUGIN_CLICK2DIAL_SHOW_PROGRESS,
			'ring_timeout' => (int) PLUGIN_CLICK2DIAL_RING_TIMEOUT,
			'repeat_seconds' => (int) PLUGIN_CLICK2DIAL_REPEAT_SECONDS,
		);
	}

	/**
	 * "none" where the PBX takes no password (reSIProcate's clicktocall server trusts the site):
	 * no PIN is asked, stored or sent. Otherwise config.php's choice, or the extension's INI
	 * setting when config.php leaves it empty.
	 */
	public static function credentialSource()
	{
		// A wrong click2dial.pbx is left for makeCall to report, in the user's language.
		try {
			if (!Click2Dial\pbxAsksPassword()) {
				return 'none';
			}
		} catch (Throwable $e) {
		}
		$source = (string) PLUGIN_CLICK2DIAL_CREDENTIALS;
		if ($source === '') {
			$source = (string) ini_get('click2dial.credentials');
		}
		return in_array($source, array('stored', 'session', 'directory'), true) ? $source : 'stored';
	}
}
