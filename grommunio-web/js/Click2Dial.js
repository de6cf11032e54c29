/*
 * The click2dial plugin for grommunio-web: what the insertion points share. Which numbers a
 * record holds, the call itself, and the user's messages. Names and numbers from records go into
 * the page only HTML-encoded (ExtJS renders button, menu and notification texts as HTML).
 * Whether a text can be dialed is decided by the server (the extension): the client only lists
 * what the contact holds.
 */
Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial
 * @singleton
 */
Ext.apply(Zarafa.plugins.click2dial, {
	/** The plugin's name: folder, PluginMetaData, settings path and translation domain use it. */
	NAME: 'click2dial',
	DOMAIN: 'plugin_click2dial',

	/**
	 * Contact (IPM.Contact) and address book fields that hold phone numbers, in the order the
	 * chooser lists them, with the label of grommunio-web's contact dialog. A number under several
	 * labels is listed once, under the first. Fax fields are left out: a fax machine takes no call.
	 * office_telephone_number is PR_BUSINESS_TELEPHONE_NUMBER under the address book's name.
	 */
	PHONE_FIELDS: [
		['business_telephone_number', 'Business'],
		['office_telephone_number', 'Business'],
		['business2_telephone_number', 'Business 2'],
		['cellular_telephone_number', 'Mobile'],
		['mobile_telephone_number', 'Mobile'],
		['car_telephone_number', 'Car'],
		['home_telephone_number', 'Home'],
		['home2_telephone_number', 'Home 2'],
		['assistant_telephone_number', 'Assistant'],
		['callback_telephone_number', 'Callback'],
		['company_telephone_number', 'Company'],
		['primary_telephone_number', 'Primary'],
		['isdn_number', 'ISDN'],
		['radio_telephone_number', 'Radio'],
		['pager_telephone_number', 'Pager'],
		['ttytdd_telephone_number', 'TTY/TDD'],
		['telex_telephone_number', 'Telex'],
		['other_telephone_number', 'Other']
	],

	// What people write into a number for readability: two numbers that differ only in these
	// are the same number (the extension removes the same characters before dialing).
	FORMATTING: /[\s.\-\/()\[\]{}\u2010-\u2015\u2212]/g,

	/** A text in the plugin's own catalog. grommunio-web has no dgettext; _() takes the domain. */
	t: function(text)
	{
		return _(text, Zarafa.plugins.click2dial.DOMAIN);
	},

	/** The numbers of a record: [{label, number}], each distinct number once. */
	numbersOf: function(record)
	{
		var seen = {};
		var numbers = [];
		Ext.each(Zarafa.plugins.click2dial.PHONE_FIELDS, function(field) {
			var value = record.get(field[0]);
			if (!Ext.isString(value) || Ext.isEmpty(value.trim())) {
				return;
			}
			var key = value.replace(Zarafa.plugins.click2dial.FORMATTING, '').toLowerCase();
			if (key === '' || seen[key]) {
				return;
			}
			seen[key] = true;
			numbers.push({ label: Zarafa.plugins.click2dial.t(field[1]), number: value.trim() });
		});
		return numbers;
	},

	/** Whether the record is a contact or user whose numbers can be called (not a list). */
	isCallable: function(record)
	{
		if (!record || !Ext.isFunction(record.get)) {
			return false;
		}
		// Contacts (IPM.Contact) and address book users (MAPI_MAILUSER); never a distribution
		// list, whether a personal one (IPM.DistList) or one of the address book (MAPI_DISTLIST).
		if (Ext.isFunction(record.isMessageClass) && record.get('message_class') && !record.isMessageClass('IPM.Contact', true)) {
			return false;
		}
		if (record.get('object_type') === Zarafa.core.mapi.ObjectType.MAPI_DISTLIST) {
			return false;
		}
		return Zarafa.plugins.click2dial.numbersOf(record).length > 0;
	},

	/** The name to show for a record. */
	nameOf: function(record)
	{
		return record.get('display_name') || record.get('fileas') || record.get('full_name') || '';
	},

	/** The plugin's setting, as the site (config.php) or the user set it. */
	setting: function(name)
	{
		return container.getSettingsModel().get('zarafa/v1/plugins/click2dial/' + name);
	},

	/** One number: called at once (or after the confirmation); several: the chooser first. */
	callRecord: function(record)
	{
		Zarafa.plugins.click2dial.callNumbers(Zarafa.plugins.click2dial.nameOf(record), Zarafa.plugins.click2dial.numbersOf(record));
	},

	/**
	 * A mail's sender or recipient (the hover card): it has no phone fields, so its numbers are
	 * looked up in the address book by its e-mail address (module action lookup), then called
	 * as a contact's.
	 */
	callRecipient: function(recipient)
	{
		var address = recipient.get('smtp_address') || recipient.get('email_address') || '';
		var name = recipient.get('display_name') || address;
		container.getRequest().singleRequest('click2dialmodule', 'lookup', { address: address },
			new Zarafa.core.data.AbstractResponseHandler({
				doSuccess: function(reply) {
					var fields = reply.numbers || {};
					var numbers = Zarafa.plugins.click2dial.numbersOf({ get: function(field) { return fields[field]; } });
					Zarafa.plugins.click2dial.callNumbers(reply.display_name || name, numbers);
				},
				doError: function(reply) {
					var info = (reply && reply.info) || {};
					new Zarafa.plugins.click2dial.CallNotice({ contactName: name, number: '' }).onError(info.kind || 'internal', info.detail || '');
				}
			}));
	},

	callNumbers: function(name, numbers)
	{
		if (numbers.length === 1) {
			Zarafa.plugins.click2dial.confirmAndCall(name, numbers[0].number);
		} else if (numbers.length > 1) {
			new Zarafa.plugins.click2dial.NumberChooser({ contactName: name, numbers: numbers }).show();
		}
	},

	confirmAndCall: function(name, number)
	{
		if (Zarafa.plugins.click2dial.setting('confirm') !== true) {
			Zarafa.plugins.click2dial.call(name, number);
			return;
		}
		var enc = Ext.util.Format.htmlEncode;
		Ext.MessageBox.confirm(Zarafa.plugins.click2dial.t('Call'),
			String.format(Zarafa.plugins.click2dial.t('Call {0} at {1}?'), enc(name), enc(number)),
			function(button) {
				if (button === 'yes') {
					Zarafa.plugins.click2dial.call(name, number);
				}
			});
	},

	// The last call asked for: a repeat click on the same number within repeat_seconds is
	// dropped here (the extension's duplicate window guards the server too). A call that failed
	// is forgotten, so that trying again after fixing the cause (the PIN) is not dropped.
	lastCall: { number: '', time: 0 },

	/** A call to number failed: the next click on it is no repeat. */
	forgetCall: function(number)
	{
		if (Zarafa.plugins.click2dial.lastCall.number === number.replace(Zarafa.plugins.click2dial.FORMATTING, '')) {
			Zarafa.plugins.click2dial.lastCall = { number: '', time: 0 };
		}
	},

	/** Asks the server to place the call; the notice follows it. */
	call: function(name, number)
	{
		var now = new Date().getTime();
		var repeat = 1000 * (Zarafa.plugins.click2dial.setting('repeat_seconds') || 0);
		var last = Zarafa.plugins.click2dial.lastCall;
		var key = number.replace(Zarafa.plugins.click2dial.FORMATTING, '');
		if (last.number === key && now - last.time < repeat) {
			return;
		}
		Zarafa.plugins.click2dial.lastCall = { number: key, time: now };
		Zarafa.plugins.click2dial.rememberCall(name, number);
		var notice = new Zarafa.plugins.click2dial.CallNotice({ contactName: name, number: number });
		notice.show('requested');
		container.getRequest().singleRequest('click2dialmodule', 'call', { number: number },
			new Zarafa.plugins.click2dial.Click2DialResponseHandler({ notice: notice }));
	},

	// How many numbers the dial box offers as recent calls.
	RECENT_CALLS: 5,

	/** The last numbers called from this account, newest first: [{name, number}]. */
	recentCalls: function()
	{
		var recent = Zarafa.plugins.click2dial.setting('recent');
		return Ext.isArray(recent) ? recent.filter(function(call) {
			return call && Ext.isString(call.number) && call.number !== '';
		}).slice(0, Zarafa.plugins.click2dial.RECENT_CALLS) : [];
	},

	/**
	 * Keeps a call for the dial box, in the user's settings (kept in their mailbox): a name and
	 * a number, the same number once.
	 */
	rememberCall: function(name, number)
	{
		var key = number.replace(Zarafa.plugins.click2dial.FORMATTING, '');
		var recent = Zarafa.plugins.click2dial.recentCalls().filter(function(call) {
			return call.number.replace(Zarafa.plugins.click2dial.FORMATTING, '') !== key;
		});
		recent.unshift({ name: String(name || number), number: number });
		container.getSettingsModel().set('zarafa/v1/plugins/click2dial/recent', recent.slice(0, Zarafa.plugins.click2dial.RECENT_CALLS));
	},

	/** What the user should do about an error the server reported as kind. */
	adviceFor: function(kind, detail)
	{
		var t = Zarafa.plugins.click2dial.t;
		switch (kind) {
			case 'wrong_pin': return t('The PBX refused your PIN. Enter your current phone PIN in Settings -> Click2Dial.');
			case 'no_pin': return t('Enter your phone PIN in Settings -> Click2Dial first.');
			case 'credential': return t('Your stored PIN cannot be opened any more. Enter it again in Settings -> Click2Dial.');
			case 'no_password': return t('Your login password is not available to call with. Log out and in again.');
			case 'not_allowed': return t('You may not call this number.') + (detail ? ' ' + detail : '');
			case 'invalid_number': return t('This is not a phone number that can be called.');
			case 'unknown_user': return t('No phone is set up for your account. Ask your administrator.');
			case 'unreachable': return t('The phone system cannot be reached. Try again later.');
			case 'rejected': return t('The phone system did not place the call. Try again later.');
			case 'rate_limited': return t('Too many calls. Wait a moment, then try again.');
			case 'configuration': return t('Calling is not set up on this server. Ask your administrator.');
			case 'cross_origin': return t('This request did not come from grommunio-web; no call was placed.');
			case 'no_numbers': return t('The address book has no phone number for this person.');
			case 'address_book': return t('The address book cannot be searched now. Try again later.');
			case 'empty_pin': return t('Enter your phone PIN first.');
			case 'not_stored_mode': return Zarafa.plugins.click2dial.setting('credentials') === 'none'
				? t('This phone system asks for no PIN: nothing was stored.')
				: t('This server does not store PINs: your login password is used to call.');
			case 'not_logged_in': return t('Your session has ended. Log in again.');
			case 'too_long': return t('This text is too long to look for numbers in.');
			case 'unknown_action': return t('This page does not match the server any more. Reload the page.');
			default: return t('Something went wrong; no call was placed.');
		}
	}
});
