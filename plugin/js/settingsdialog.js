/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The Click2Dial settings dialog (dialogs/settings.php). The PIN field is emptied as soon as
 * the PIN is sent: the server only ever answers whether a PIN is stored, and "Forget PIN" is
 * offered only when one is.
 */

var click2dialSettingsDialog = {
	init: function()
	{
		var form = document.getElementById("click2dial_pin_form");
		var pin = document.getElementById("click2dial_pin");
		form.onsubmit = function() {
			if (pin.value != "") {
				click2dialSettingsDialog.changing = true;
				click2dial.getModule().savePin(pin.value);
				pin.value = "";
			}
			return false;
		};
		document.getElementById("click2dial_clear").onclick = function() {
			click2dialSettingsDialog.changing = true;
			click2dial.getModule().clearPin();
		};
		this.changing = false;
	},

	show: function(values)
	{
		var status = document.getElementById("click2dial_settings_status");
		var form = document.getElementById("click2dial_pin_form");
		var clear = document.getElementById("click2dial_clear");
		// Replies may overtake each other: once a change was sent, only its reply counts.
		if (!status || (this.changing && !values.changed)) {
			return;
		}
		var text;
		if (values.credentials != "stored") {
			form.style.display = "none";
			text = click2dial.t("Your phone system password is set up by your administrator; there is nothing to enter here.");
		} else if (values.changed && values.pinStored) {
			text = click2dial.t("Your PIN was saved.");
		} else if (values.changed) {
			text = click2dial.t("Your PIN was removed.");
		} else {
			text = values.pinStored ? click2dial.t("A PIN is stored.") : click2dial.t("No PIN is stored yet.");
		}
		if (values.changed) {
			this.changing = false;
		}
		clear.style.display = values.pinStored ? "" : "none";
		status.textContent = text;
	},

	failed: function()
	{
		this.changing = false;
	}
};
