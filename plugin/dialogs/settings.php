<?php
/*
 * Settings -> Click2Dial, opened at DIALOG_URL + "plugin=click2dial&task=settings". In "stored"
 * mode the user enters their PBX PIN here; it goes to the server once, where the extension keeps
 * it in its credential store, and never comes back. The dialog shows whether one is stored and
 * offers to remove it.
 */

function getDialogTitle()
{
	return dgettext('plugin_click2dial', 'Click2Dial settings');
}

function getIncludes()
{
	return array('plugins/click2dial/plugin/js/settingsdialog.js');
}

function getJavaScript_onload()
{
	return 'click2dialSettingsDialog.init();';
}

function getBody()
{
	$t = function ($key) {
		return htmlspecialchars(dgettext('plugin_click2dial', $key), ENT_QUOTES, 'UTF-8');
	};
	return '<div id="click2dial_settings">'
		. '<p id="click2dial_settings_status"></p>'
		. '<form id="click2dial_pin_form" autocomplete="off">'
		. '<label for="click2dial_pin">' . $t('Phone system PIN') . '</label> '
		. '<input type="password" id="click2dial_pin" autocomplete="new-password"> '
		. '<button type="submit" id="click2dial_save">' . $t('Save') . '</button> '
		. '<button type="button" id="click2dial_clear">' . $t('Forget PIN') . '</button>'
		. '<p class="click2dial_hint">' . $t('Your user-portal PIN of the phone system. It is kept encrypted on the server and never sent to your browser again.') . '</p>'
		. '</form></div>';
}
