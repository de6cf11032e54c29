/*
 * The dial box in grommunio-web's top bar (main.maintabbar.right): the user types a number and
 * presses Enter to call it, or a name, which is looked up in their address book (the global
 * address list and their contact folders; module action search) and offered with its numbers.
 * The last numbers called from this account (setting zarafa/v1/plugins/click2dial/recent:
 * names and numbers, nothing secret) are offered first. Names and numbers go into the page as
 * text only.
 */
Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial.DialBox
 * @extends Ext.BoxComponent
 * @xtype zarafa.click2dialdialbox
 */
Zarafa.plugins.click2dial.DialBox = Ext.extend(Ext.BoxComponent, {
	// What reads as a number to call at once rather than a name to look up.
	NUMBER: /^\s*(tel:|callto:)?\+?[\d\s().\/\-\u2010-\u2015]*\d[\d\s().\/\-\u2010-\u2015]*((ext\.?|x|;ext=)\s*\d+)?\s*$/i,

	constructor: function(config)
	{
		config = Ext.applyIf(config || {}, {
			cls: 'click2dial_dialbox',
			autoEl: { tag: 'div' }
		});
		Zarafa.plugins.click2dial.DialBox.superclass.constructor.call(this, config);
	},

	afterRender: function()
	{
		Zarafa.plugins.click2dial.DialBox.superclass.afterRender.apply(this, arguments);
		var t = Zarafa.plugins.click2dial.t;
		var el = this.getEl();
		var root = el.dom || el;
		var doc = root.ownerDocument;
		this.input = root.appendChild(doc.createElement('input'));
		this.input.type = 'search';
		this.input.className = 'click2dial_dialbox_input';
		this.input.placeholder = t('Call a number or name');
		this.input.setAttribute('aria-label', t('Call a number or name'));
		this.input.autocomplete = 'off';
		this.list = doc.body.appendChild(doc.createElement('ul'));
		this.list.className = 'click2dial_dialbox_list';
		this.list.style.display = 'none';
		this.input.addEventListener('focus', this.showRecent.createDelegate(this));
		this.input.addEventListener('input', this.onInput.createDelegate(this));
		this.input.addEventListener('keydown', this.onKey.createDelegate(this));
		this.input.addEventListener('blur', this.hideListSoon.createDelegate(this));
	},

	/** The recent calls, newest first, when nothing is typed. */
	showRecent: function()
	{
		if (this.input.value.trim() === '') {
			this.showChoices(Zarafa.plugins.click2dial.recentCalls(), Zarafa.plugins.click2dial.t('Recent calls'));
		}
	},

	onInput: function()
	{
		var query = this.input.value;
		if (query.trim() === '') {
			this.showRecent();
		} else if (this.NUMBER.test(query)) {
			this.showChoices([{ name: query.trim(), number: query.trim() }], '');
		} else {
			this.hideList();
		}
	},

	/** Enter calls the number typed, the first choice shown, or looks the name up. */
	onKey: function(event)
	{
		if (event.key === 'Escape') {
			this.hideList();
			return;
		}
		if (event.key !== 'Enter') {
			return;
		}
		event.preventDefault();
		var query = this.input.value.trim();
		if (query !== '' && this.NUMBER.test(query)) {
			this.dial(query, query);
		} else if (this.choices && this.choices.length > 0 && this.choicesFor === query) {
			this.dial(this.choices[0].name, this.choices[0].number);
		} else if (query !== '') {
			this.search(query);
		}
	},

	/** The name in the address book; one entry with one number is called at once. */
	search: function(query)
	{
		var box = this;
		container.getRequest().singleRequest('click2dialmodule', 'search', { query: query },
			new Zarafa.core.data.AbstractResponseHandler({
				doSuccess: function(reply) {
					var choices = [];
					Ext.each(reply.matches || [], function(match) {
						var fields = match.numbers || {};
						Ext.each(Zarafa.plugins.click2dial.numbersOf({ get: function(field) { return fields[field]; } }), function(entry) {
							choices.push({ name: match.display_name || query, label: entry.label, number: entry.number });
						});
					});
					if (choices.length === 1) {
						box.dial(choices[0].name, choices[0].number);
					} else {
						box.showChoices(choices, '', query);
					}
				},
				doError: function(reply) {
					var info = (reply && reply.info) || {};
					box.showMessage(Zarafa.plugins.click2dial.adviceFor(info.kind || 'internal', info.detail || ''));
				}
			}));
	},

	dial: function(name, number)
	{
		this.hideList();
		this.input.value = '';
		Zarafa.plugins.click2dial.confirmAndCall(name, number);
	},

	/** The list under the box: [{name, label?, number}], each as text; a click calls it. */
	showChoices: function(choices, heading, query)
	{
		this.choices = choices;
		this.choicesFor = query === undefined ? this.input.value.trim() : query;
		this.clearList();
		if (choices.length === 0) {
			this.hideList();
			return;
		}
		var doc = this.list.ownerDocument;
		if (heading) {
			var title = this.list.appendChild(doc.createElement('li'));
			title.className = 'click2dial_dialbox_heading';
			title.textContent = heading;
		}
		Ext.each(choices, function(choice) {
			var item = this.list.appendChild(doc.createElement('li'));
			item.className = 'click2dial_dialbox_choice';
			item.setAttribute('data-number', choice.number);
			var label = choice.name === choice.number ? '' : choice.name + (choice.label ? ' (' + choice.label + ')' : '') + ': ';
			item.textContent = label + choice.number;
			item.addEventListener('mousedown', function(event) {
				// Before the input's blur hides the list.
				event.preventDefault();
				this.dial(choice.name, choice.number);
			}.createDelegate(this));
		}, this);
		this.showList();
	},

	showMessage: function(text)
	{
		this.choices = [];
		this.clearList();
		var item = this.list.appendChild(this.list.ownerDocument.createElement('li'));
		item.className = 'click2dial_dialbox_message';
		item.textContent = text;
		this.showList();
	},

	clearList: function()
	{
		while (this.list.firstChild) {
			this.list.removeChild(this.list.firstChild);
		}
	},

	/** Under the box, over everything (the top bar clips what overflows it). */
	showList: function()
	{
		var box = this.input.getBoundingClientRect();
		this.list.style.position = 'fixed';
		this.list.style.left = box.left + 'px';
		this.list.style.top = box.bottom + 'px';
		this.list.style.minWidth = box.width + 'px';
		this.list.style.display = '';
	},

	hideList: function()
	{
		this.list.style.display = 'none';
	},

	hideListSoon: function()
	{
		this.hideList.defer(200, this);
	},

	beforeDestroy: function()
	{
		if (this.list && this.list.parentNode) {
			this.list.parentNode.removeChild(this.list);
		}
		Zarafa.plugins.click2dial.DialBox.superclass.beforeDestroy.apply(this, arguments);
	}
});

Ext.reg('zarafa.click2dialdialbox', Zarafa.plugins.click2dial.DialBox);
