/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The click2dial plugin in the browser: "Call contact" in the contact list's context menu, the
 * "Call" button of the contact dialog (added by the server plugin), the number chooser, the
 * feedback and the settings dialog. Names and numbers always go into the page as text.
 */

Pluginclick2dial.prototype = new Plugin;
Pluginclick2dial.prototype.constructor = Pluginclick2dial;
Pluginclick2dial.superclass = Plugin.prototype;

function Pluginclick2dial()
{
}

Pluginclick2dial.prototype.init = function()
{
	this.registerHook("client.module.contactlistmodule.contextmenu.buildup");
	// Numbers in what the user reads become links (click2diallinks.js).
	this.registerHook("client.module.readmailitemmodule.setbody.postdisplay");
	this.registerHook("client.module.addressbookitem.item.after");
	this.registerHook("client.module.itemmodule.item.before");
	// The dial box's button (click2dialbox.js, main window only).
	this.registerHook("client.module.contactlistmodule.topmenu.buildup");
	// tel: and callto: links anywhere in the window call instead of leaving the browser.
	if (typeof click2dialLinks != "undefined") {
		click2dialLinks.interceptCalls(document);
	}
	click2dial.loadSettings();
};

Pluginclick2dial.prototype.execute = function(eventID, data)
{
	if (eventID == "client.module.contactlistmodule.contextmenu.buildup") {
		data.contextmenu.push(webclient.menu.createMenuItem("click2dial", click2dial.t("Call contact"), false, click2dialContextMenuCall));
	} else if (eventID == "client.module.contactlistmodule.topmenu.buildup") {
		if (typeof click2dialBox != "undefined") {
			click2dialBox.topMenu(data.topmenu);
		}
	} else if (typeof click2dialLinks != "undefined") {
		click2dialLinks.hooked(eventID, data);
	}
};

/** Context menu callback: the clicked row's contact, with the numbers the list already has. */
function click2dialContextMenuCall(moduleObject, element, event)
{
	// WebAccess' menus do not close when an item is chosen (dhtml.js removes one only on a click
	// outside it): every callback hides its menu first, before anything opens on top of it.
	element.parentNode.style.display = "none";
	var entryid = moduleObject.entryids[element.parentNode.elementid];
	var props = (moduleObject.itemProps && moduleObject.itemProps[entryid]) || {};
	var name = props["display_name"] || props["fileas"] || props["full_name"] || "";
	click2dial.callContact(name, click2dial.numbersOf(function(field) { return props[field]; }), event);
}

/** The contact dialog's "Call" button: the numbers as they are in the dialog's fields. */
function click2dialCallFromContactDialog()
{
	var field = function(id) {
		var input = document.getElementById(id);
		return input ? input.value : "";
	};
	click2dial.callContact(field("display_name") || field("fileas"), click2dial.numbersOf(field), null);
}

var click2dial = {
	domain: "plugin_click2dial",
	// The contact properties that hold phone numbers, in the order the chooser lists them. The
	// order is also the preference when one number is under several labels (it is then listed
	// once, under the first): a kind of phone (Business to Assistant) is more specific than a
	// role (Company: the company's main line; Primary: a mark put on one of the others; Other).
	phoneFields: [
		["business_telephone_number", "Business"],
		["business2_telephone_number", "Business 2"],
		["cellular_telephone_number", "Mobile"],
		["car_telephone_number", "Car"],
		["home_telephone_number", "Home"],
		["home2_telephone_number", "Home 2"],
		["assistant_telephone_number", "Assistant"],
		["company_telephone_number", "Company"],
		["primary_telephone_number", "Primary"],
		["other_telephone_number", "Other"]
	],
	// More names of the same MAPI property: PR_OFFICE_TELEPHONE_NUMBER is
	// PR_BUSINESS_TELEPHONE_NUMBER. The contact list sends both names with one value; the contact
	// dialog has an office_telephone_number field and no business_telephone_number one.
	otherNames: {business_telephone_number: ["office_telephone_number"]},
	// What people write into a number for readability (as DialString::clean removes it): two
	// numbers that differ only in these are the same number.
	formatting: /[\s.\-\/()\[\]{}\u2010-\u2015\u2212]/g,
	settings: {credentials: "", confirm: false, repeatSeconds: 5, pinStored: false, progress: false},
	settingsLoaded: false,
	// A call asked for before the settings arrived waits for them (they say whether to confirm).
	waitingCall: null,
	lastCall: {number: "", time: 0},
	module: null,
	// The placed call the message follows: {call, name, state, timer, since}; null when none.
	followed: null,
	// How long to wait before asking about a call again, by its state: never more than once a
	// second; a connected call changes less often.
	askAfterMs: {"": 1000, requested: 1000, ringing: 1000, connected: 1000, calling: 1000},
	// A call is followed at most this long (a connected call can last; the ring time-out is the
	// server's: it answers not_answered once the phone has rung too long).
	followAtMostMs: 4 * 3600 * 1000,

	t: function(key)
	{
		return dgettext(this.domain, key);
	},

	/** Fills in %s placeholders in order. */
	format: function(text)
	{
		var values = Array.prototype.slice.call(arguments, 1);
		return text.replace(/%s/g, function() { return values.length ? String(values.shift()) : ""; });
	},

	getModule: function()
	{
		if (!this.module) {
			this.module = new click2dialmodule();
			var id = webclient.addModule(this.module);
			this.module.init(id);
			this.module.listener = this;
		}
		return this.module;
	},

	loadSettings: function()
	{
		this.getModule().getSettings();
	},

	/** Each distinct number of a contact once, {label, number}, in phoneFields' order. */
	numbersOf: function(valueOf)
	{
		var numbers = [];
		var seen = {};
		for (var i = 0; i < this.phoneFields.length; i++) {
			var value = this.fieldValue(valueOf, this.phoneFields[i][0]);
			var key = "#" + value.replace(this.formatting, "");
			if (value != "" && !seen[key]) {
				seen[key] = true;
				numbers.push({label: this.t(this.phoneFields[i][1]), number: value});
			}
		}
		return numbers;
	},

	/** A phone property's value, trimmed, under its own name or one of its other names. */
	fieldValue: function(valueOf, name)
	{
		var names = [name].concat(this.otherNames[name] || []);
		for (var i = 0; i < names.length; i++) {
			var value = valueOf(names[i]);
			value = value ? String(value).replace(/^\s+|\s+$/g, "") : "";
			if (value != "") {
				return value;
			}
		}
		return "";
	},

	callContact: function(name, numbers, event)
	{
		if (numbers.length == 0) {
			this.notify("error", this.t("This contact has no phone number."));
		} else if (numbers.length == 1) {
			this.placeCall(name, numbers[0].number);
		} else {
			this.choose(name, numbers, event);
		}
	},

	// As click2dialmodule::MAX_NUMBER_LENGTH. Whether a number can be dialed is decided on the
	// server by the extension (sipXconfig's rules and the dial plan).
	maxNumberLength: 256,

	placeCall: function(name, number)
	{
		this.closeChooser();
		if (number.length > this.maxNumberLength) {
			this.notify("error", this.t("This number cannot be dialed. Check it in the contact."));
			return;
		}
		if (!this.settingsLoaded) {
			this.waitingCall = {name: name, number: number};
			return;
		}
		var now = new Date().getTime();
		// A double click, or a second click while the phone is still ringing: one call only.
		if (number == this.lastCall.number && now - this.lastCall.time < this.settings.repeatSeconds * 1000) {
			this.notify("info", this.t("This number was just called. Wait a few seconds before calling it again."));
			return;
		}
		if (this.settings.confirm && !window.confirm(this.format(this.t("Call %s at %s?"), name, number))) {
			return;
		}
		this.lastCall = {number: number, time: now};
		this.stopFollowing();
		this.callName = name || number;
		this.notify("pending", this.format(this.t("Calling %s …"), number));
		this.getModule().call(number);
	},

	/** The chooser for a contact with several numbers: label and number per line. */
	choose: function(name, numbers, event)
	{
		this.closeChooser();
		var box = document.createElement("div");
		box.className = "click2dial_chooser";
		box.id = "click2dial_chooser";
		var title = document.createElement("div");
		title.className = "click2dial_chooser_title";
		title.appendChild(document.createTextNode(this.format(this.t("Call %s at:"), name)));
		box.appendChild(title);
		var self = this;
		for (var i = 0; i < numbers.length; i++) {
			box.appendChild(this.choiceButton(numbers[i], function(number) { self.placeCall(name, number); }));
		}
		var cancel = document.createElement("button");
		cancel.className = "click2dial_cancel";
		cancel.appendChild(document.createTextNode(this.t("Cancel")));
		cancel.onclick = function() { self.closeChooser(); };
		box.appendChild(cancel);
		if (event && typeof event.clientX == "number") {
			box.style.left = event.clientX + "px";
			box.style.top = event.clientY + "px";
		}
		document.body.appendChild(box);
	},

	choiceButton: function(choice, onChoose)
	{
		var button = document.createElement("button");
		button.className = "click2dial_choice";
		var label = document.createElement("span");
		label.className = "click2dial_label";
		label.appendChild(document.createTextNode(choice.label));
		var number = document.createElement("span");
		number.className = "click2dial_number";
		number.appendChild(document.createTextNode(choice.number));
		button.appendChild(label);
		button.appendChild(number);
		button.onclick = function() { onChoose(choice.number); };
		return button;
	},

	closeChooser: function()
	{
		var box = document.getElementById("click2dial_chooser");
		if (box) {
			box.parentNode.removeChild(box);
		}
	},

	/**
	 * The one message line of the plugin, which also follows a placed call; action is an optional
	 * {label, run} button. It can always be closed, which also stops following the call.
	 */
	notify: function(kind, text, action)
	{
		var notice = document.getElementById("click2dial_notice");
		if (!notice) {
			notice = document.createElement("div");
			notice.id = "click2dial_notice";
			notice.setAttribute("role", "status");
			document.body.appendChild(notice);
		}
		notice.className = "click2dial_notice click2dial_" + kind;
		notice.removeAttribute("data-state");
		while (notice.firstChild) {
			notice.removeChild(notice.firstChild);
		}
		var message = document.createElement("span");
		message.className = "click2dial_message";
		message.appendChild(document.createTextNode(text));
		notice.appendChild(message);
		if (action) {
			var button = document.createElement("button");
			button.className = "click2dial_action";
			button.appendChild(document.createTextNode(action.label));
			button.onclick = action.run;
			notice.appendChild(button);
		}
		var self = this;
		var close = document.createElement("button");
		close.className = "click2dial_close";
		close.title = this.t("Close");
		close.appendChild(document.createTextNode("\u00d7"));
		close.onclick = function() { self.closeNotice(); };
		notice.appendChild(close);
		return notice;
	},

	closeNotice: function()
	{
		this.stopFollowing();
		var notice = document.getElementById("click2dial_notice");
		if (notice) {
			notice.parentNode.removeChild(notice);
		}
	},

	openSettings: function()
	{
		webclient.openWindow(this, "click2dial_settings", DIALOG_URL + "plugin=click2dial&task=settings");
	},

	// Replies from click2dialmodule.

	called: function(call)
	{
		this.stopFollowing();
		// sipXconfig's 200 means the PBX accepted the call: the user's own phone rings first.
		this.notify("success", this.format(this.t("Your phone will ring now. Pick it up to be connected to %s."), call.number));
		if (this.settings.progress) {
			this.followed = {call: call, name: this.callName || call.number, state: "", timer: null, since: new Date().getTime()};
			this.askLater();
		}
	},

	askLater: function()
	{
		var followed = this.followed;
		var self = this;
		followed.timer = window.setTimeout(function() {
			followed.timer = null;
			if (self.followed === followed) {
				self.getModule().progress(followed.call);
			}
		}, this.askAfterMs[followed.state] || 1000);
	},

	stopFollowing: function()
	{
		if (this.followed && this.followed.timer) {
			window.clearTimeout(this.followed.timer);
		}
		this.followed = null;
	},

	/** The server's answer about the followed call; answers about an earlier call are dropped. */
	progressed: function(reply)
	{
		var followed = this.followed;
		if (!followed || reply.dialed != followed.call.dialed || reply.placedAt != followed.call.placedAt) {
			return;
		}
		var number = followed.call.number;
		var busy = reply.code == "486" || reply.code == "600";
		var texts = {
			requested: ["success", this.format(this.t("Your phone will ring now. Pick it up to be connected to %s."), number)],
			ringing: ["success", this.format(this.t("Your phone is ringing — pick up to be connected to %s."), followed.name)],
			connected: ["success", this.format(this.t("Connected to %s."), number)],
			calling: ["success", this.format(this.t("Calling %s …"), followed.name)],
			answered: ["success", this.format(this.t("%s answered."), followed.name)],
			ended: ["info", this.t("Call ended.")],
			not_answered: reply.leg == "destination"
				? ["info", this.format(this.t("%s did not answer."), followed.name)]
				: ["info", this.t("Your phone was not answered.")],
			failed: reply.leg == "initiator"
				? ["error", this.t("Your phone could not be called.")]
				: busy ? ["info", this.format(this.t("%s is busy."), followed.name)]
				: ["error", this.format(this.t("The call to %s did not go through."), followed.name)]
		};
		var shown = texts[reply.state];
		if (!shown) {
			// The call went out; only its progress cannot be told (e.g. an older sipXecs).
			this.stopFollowing();
			this.notify("info", this.t("The call was placed, but its progress cannot be shown."));
			return;
		}
		if (reply.state != followed.state) {
			this.notify(shown[0], shown[1]).setAttribute("data-state", reply.state);
		}
		followed.state = reply.state;
		if (reply.state == "ended" || reply.state == "not_answered" || reply.state == "answered"
			|| reply.state == "failed" || new Date().getTime() - followed.since > this.followAtMostMs) {
			this.followed = null;
		} else {
			this.askLater();
		}
	},

	settingsReceived: function(values)
	{
		this.settings = values;
		this.settingsLoaded = true;
		if (this.waitingCall) {
			var call = this.waitingCall;
			this.waitingCall = null;
			this.placeCall(call.name, call.number);
		}
		if (typeof click2dialSettingsDialog != "undefined") {
			click2dialSettingsDialog.show(values);
		}
	},

	failed: function(kind, detail)
	{
		this.stopFollowing();
		// A failed call may be retried at once.
		this.lastCall = {number: "", time: 0};
		var self = this;
		var openSettings = {label: this.t("Open settings"), run: function() { self.openSettings(); }};
		switch (kind) {
			case "wrong_pin":
				if (this.settings.credentials == "stored") {
					this.notify("error", this.t("The phone system refused your PIN. Open the Click2Dial settings and enter your current PIN."), openSettings);
				} else {
					this.notify("error", this.t("The phone system refused your password. Please tell your administrator."));
				}
				break;
			case "no_pin":
				this.notify("error", this.t("No PIN is stored yet. Open the Click2Dial settings and enter your phone system PIN."), openSettings);
				break;
			case "credential":
				this.notify("error", this.t("Your PIN could not be read. Enter it again in the Click2Dial settings; if that does not help, tell your administrator."), openSettings);
				break;
			case "invalid_number":
				this.notify("error", this.t("This number cannot be dialed. Check it in the contact."));
				break;
			case "not_allowed":
				this.notify("error", this.format(this.t("This number may not be called: %s"), detail));
				break;
			case "unknown_user":
				this.notify("error", this.t("Your account has no phone in the phone system. Please ask your administrator to add it."));
				break;
			case "unreachable":
				this.notify("error", this.t("The phone system cannot be reached. Try again in a few minutes; if it keeps failing, tell your administrator."));
				break;
			case "rejected":
				this.notify("error", this.format(this.t("The phone system did not accept the call (status %s). Try again later, or tell your administrator."), detail));
				break;
			case "rate_limited":
				this.notify("error", this.t("You placed many calls in a short time. Wait a minute, then try again."));
				break;
			case "empty_pin":
				this.notify("error", this.t("Enter your PIN first."));
				break;
			case "not_stored_mode":
				this.notify("info", this.t("This site keeps no phone PIN: nothing was stored."));
				break;
			case "not_logged_in":
				this.notify("error", this.t("Your session has ended. Please log in again."));
				break;
			case "configuration":
			case "internal":
			case "cross_site":
			default:
				this.notify("error", this.t("Click2Dial is not set up correctly on the server. Please tell your administrator."));
		}
		if (typeof click2dialSettingsDialog != "undefined") {
			click2dialSettingsDialog.failed();
		}
	}
};
