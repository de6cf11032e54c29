Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial.CallNotice
 * @extends Ext.util.Observable
 *
 * The one notification of a call, updated in place as the call goes on, leg by leg: your phone
 * will ring -> ringing -> connected (your phone), calling -> answered (the number), or your phone
 * / the number did not answer, the number is busy, the call did not go through, or what to do
 * about an error. While the call is
 * followed it asks the server with short progress requests (grommunio-web holds the tab's other
 * requests while a module runs, so none may wait for the call); closing it stops them.
 */
Zarafa.plugins.click2dial.CallNotice = Ext.extend(Ext.util.Observable, {
	/** @cfg {String} contactName */
	contactName: '',
	/** @cfg {String} number The number as the contact holds it. */
	number: '',
	// Milliseconds between two progress questions: short enough to see a short ring (a call
	// that is no longer ringing when first asked about stays "requested" until the ring
	// time-out); each question is one short request.
	pollInterval: 1000,
	// The notifier's reference of the message, to update or destroy it.
	reference: undefined,
	call: undefined,
	state: undefined,
	// The leg and SIP code of the last progress reply ("initiator": the user's phone,
	// "destination": the number's), which choose between texts of one state.
	leg: '',
	code: '',
	closed: false,
	timer: undefined,

	constructor: function(config)
	{
		Ext.apply(this, config);
		Zarafa.plugins.click2dial.CallNotice.superclass.constructor.call(this, config);
	},

	/** Shows or updates the message for a state of the call. */
	show: function(state, text)
	{
		if (this.isClosed()) {
			return;
		}
		var t = Zarafa.plugins.click2dial.t;
		var enc = Ext.util.Format.htmlEncode;
		var who = enc(this.contactName ? this.contactName + ' (' + this.number + ')' : this.number);
		var ofNumber = this.leg === 'destination';
		// 486 Busy Here and 600 Busy Everywhere: the number is busy, which is no fault.
		var busy = this.code === '486' || this.code === '600';
		var messages = {
			requested: String.format(t('Calling {0}: your phone will ring now.'), who),
			ringing: String.format(t('Your phone is ringing: pick up to call {0}.'), who),
			connected: String.format(t('Connected to {0}.'), who),
			calling: String.format(t('Calling {0} …'), who),
			answered: String.format(t('{0} answered.'), who),
			ended: String.format(t('Call with {0} ended.'), who),
			not_answered: ofNumber ? String.format(t('{0} did not answer.'), who)
				: t('Your phone was not answered; the call was not placed.'),
			failed: this.leg === 'initiator' ? t('Your phone could not be called.')
				: busy ? String.format(t('{0} is busy.'), who)
				: String.format(t('The call to {0} did not go through.'), who),
			error: enc(text || '')
		};
		if (!Ext.isDefined(messages[state])) {
			// A state of a newer server: the message stays at what it said.
			return;
		}
		this.state = state;
		var message = '<span class="click2dial_message" data-state="' + enc(state) + '" data-leg="' + enc(this.leg)
			+ '">' + messages[state] + '</span>';
		// Persistent: the toast stays until the user closes it (an update keeps the toast's
		// first lifetime, so even the final state must not time out before it is read).
		var config = { persistent: true };
		if (this.reference) {
			config.update = true;
			config.reference = this.reference;
		}
		var failed = state === 'error' || (state === 'failed' && !(busy && ofNumber));
		var category = failed ? 'error.click2dial' : 'info.click2dial';
		var reference = container.getNotifier().notify(category, t('Click2Dial'), message, config);
		this.reference = reference || this.reference;
	},

	/** The server placed the call. */
	onPlaced: function(call)
	{
		this.call = call;
		this.show('requested');
		if (Zarafa.plugins.click2dial.setting('show_progress') === true) {
			this.schedule();
		}
	},

	onProgress: function(progress)
	{
		if (this.isClosed() || !this.call || progress.placed_at !== this.call.placed_at) {
			return;
		}
		var state = progress.state;
		if (state === 'unknown') {
			// Progress cannot be told (the PBX has no such resource, or it is down): the message
			// stays at what it said, and no more questions are asked.
			return;
		}
		var leg = progress.leg || '';
		var code = progress.code || '';
		if (state !== this.state || leg !== this.leg || code !== this.code) {
			this.leg = leg;
			this.code = code;
			this.show(state);
		}
		if (Zarafa.plugins.click2dial.CallNotice.FINAL_STATES.indexOf(state) < 0) {
			this.schedule();
		}
	},

	onError: function(kind, detail)
	{
		Zarafa.plugins.click2dial.forgetCall(this.number);
		this.show('error', Zarafa.plugins.click2dial.adviceFor(kind, detail));
		if (kind === 'wrong_pin' || kind === 'no_pin' || kind === 'credential') {
			Zarafa.plugins.click2dial.openSettings();
		}
	},

	schedule: function()
	{
		if (this.isClosed()) {
			return;
		}
		this.timer = this.askProgress.defer(this.pollInterval, this);
	},

	askProgress: function()
	{
		if (this.isClosed()) {
			return;
		}
		var call = this.call;
		container.getRequest().singleRequest('click2dialmodule', 'progress', {
			user: call.user,
			user_extension: call.user_extension,
			dialed: call.dialed,
			placed_at: call.placed_at,
			call_id: call.call_id,
			ticket: call.ticket
		}, new Zarafa.plugins.click2dial.Click2DialResponseHandler({ notice: this }));
	},

	/**
	 * Whether the user closed the message. grommunio-web's toast notifier tells no one: its close
	 * button only takes the toast out of the page (and an update of a closed toast would open a
	 * new one), so the toast element the notifier returned is looked at.
	 */
	isClosed: function()
	{
		var toast = this.reference;
		if (!this.closed && toast && toast.nodeType === 1
			&& (!toast.parentNode || toast.classList.contains('grommunio-toast-exit'))) {
			this.close();
		}
		return this.closed;
	},

	/** The user closed the message: no more questions about this call. */
	close: function()
	{
		this.closed = true;
		if (this.timer) {
			clearTimeout(this.timer);
		}
	}
});

/** States after which a call changes no more: no more questions are asked. */
Zarafa.plugins.click2dial.CallNotice.FINAL_STATES = ['answered', 'ended', 'not_answered', 'failed'];

/**
 * Opens grommunio-web's settings (as Zarafa.mail.Actions does for the signature), where the PIN
 * is entered in stored mode. The category itself is not selected: grommunio-web has no call for
 * that, and the notice says where to go.
 */
Zarafa.plugins.click2dial.openSettings = function()
{
	if (Zarafa.plugins.click2dial.setting('credentials') !== 'stored') {
		return;
	}
	var settings = container.getContextByName('settings');
	if (settings && container.getCurrentContext() !== settings) {
		container.switchContext(settings);
	}
};
