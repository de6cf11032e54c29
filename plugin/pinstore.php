<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The user's PBX PIN in "stored" mode. The extension keeps it, sealed, in its own credential
 * store on the server (click2dial.credential_dir): the plugin hands it over once with
 * Click2Dial\storeCredential() and from then on passes no password at all; makeCall() and
 * activeCalls() open it themselves. Nothing of it is ever in the user's WebAccess settings,
 * which WebAccess writes into every page it serves.
 *
 * Earlier versions of the plugin kept the sealed token in those settings. click2dial_move_pin()
 * moves such a token into the store and deletes the setting; the module calls it on every
 * request that deals with the PIN, and the plugin before WebAccess writes the main page.
 */

define('CLICK2DIAL_LEGACY_PIN_SETTING', 'zarafa/v1/plugins/click2dial/pin_token');

/**
 * Moves a token left in $user's WebAccess settings by an earlier version into the extension's
 * store, and deletes the setting. A token that no longer opens (another user's, altered, or its
 * key removed from the key file) is of use to no one and is deleted too: the user enters the PIN
 * again. While the store cannot be used (click2dial.credential_dir not set or wrong), the token
 * is kept, so that nothing is lost; the administrator finds the reason in the PHP error log.
 */
function click2dial_move_pin($user)
{
	$settings = $GLOBALS['settings'];
	$token = $settings->get(CLICK2DIAL_LEGACY_PIN_SETTING);
	if ($token === null || $token === '') {
		return;
	}
	if (is_string($token) && $token !== '' && $user !== '') {
		try {
			Click2Dial\storeCredential($user, Click2Dial\decryptCredential($token, $user));
		} catch (Click2Dial\CredentialException $e) {
			error_log('click2dial plugin: the PIN kept in the settings of a user does not open and is deleted: ' . $e->getMessage());
		} catch (Click2Dial\Exception $e) {
			error_log('click2dial plugin: the PIN kept in the settings of a user cannot be moved to the credential store yet: ' . $e->getMessage());
			return;
		}
	}
	click2dial_delete_setting($settings, CLICK2DIAL_LEGACY_PIN_SETTING);
}

/** Deletes a setting: WebAccess' Settings::delete() saves by itself; a host without it gets an empty value. */
function click2dial_delete_setting($settings, $path)
{
	if (method_exists($settings, 'delete')) {
		$settings->delete($path);
		return;
	}
	$settings->set($path, '');
	if (method_exists($settings, 'saveSettings')) {
		$settings->saveSettings();
	}
}
