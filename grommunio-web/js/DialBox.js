/*
 * The dial box in grommunio-web's top bar (main.maintabbar.right): the user types a number and
 * presses Enter to call it, or a name. A name of two characters or more is looked up after a
 * pause in typing (module action search: the user's contact folders and the global address
 * list), and the box lists up to eight numbers found: the name, which number it is (Business,
 * Mobile, ...) and the number as the PBX will dial it. The last numbers called from this
 * account (setting zarafa/v1/plugins/click2dial/recent: names and numbers, nothing secret) are
 * offered first: all of them in the empty box, those holding the typed text above the names
 * found. The arrow keys choose a line, Enter or a click calls it; Enter calls at once when
 * only one line is offered, and never guesses among several. Names and numbers go into the page
 * as text only.
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
	// Wait for a pause in typing before asking the server; shorter names are not looked up.
	TYPING_PAUSE_MS: 250,
	MIN_NAME_LENGTH: 2,

	constructor: function(config)
	{
		config = Ext.applyIf(config || {}, {
			cls: 'click2dial_dialbox',
			autoEl: { tag: 'div' }
		});
		// Each search is numbered: an answer to an older one than the last is dropped.
		this.searches = 0;
		this.choices = [];
		this.selected = -1;
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
		this.input.setAttribute('role', 'combobox');
		this.input.setAttribute('aria-autocomplete', 'list');
		this.input.autocomplete = 'off';
		this.list = doc.body.appendChild(doc.createElement('ul'));
		this.list.className = 'click2dial_dialbox_list';
		this.list.id = this.getId() + '-choices';
		this.list.setAttribute('role', 'listbox');
		this.list.style.display = 'none';
		this.input.setAttribute('aria-controls', this.list.id);
		this.input.addEventListener('focus', this.onFocus.createDelegate(this));
		this.input.addEventListener('input', this.onInput.createDelegate(this));
		this.input.addEventListener('keydown', this.onKey.createDelegate(this));
		this.input.addEventListener('blur', this.hideListSoon.createDelegate(this));
	},

	/** What the box holds, trimmed. */
	query: function()
	{
		return this.input.value.trim();
	},

	/** Back in the box: the list for what it holds (a blur's pending hide is cancelled). */
	onFocus: function()
	{
		window.clearTimeout(this.hiding);
		this.onInput();
	},

	/** The recent calls (all, or those holding the text), a typed number, or a name to look up. */
	onInput: function()
	{
		var query = this.query();
		window.clearTimeout(this.timer);
		this.searches++;
		this.searched = null;
		if (this.NUMBER.test(query)) {
			this.showChoices(query, [{ heading: '', choices: [{ name: query, number: query }] }]);
			return;
		}
		this.showChoices(query, [{ heading: Zarafa.plugins.click2dial.t('Recent calls'), choices: this.recentFor(query) }]);
		if (query.length >= this.MIN_NAME_LENGTH) {
			this.timer = this.search.defer(this.TYPING_PAUSE_MS, this, [query, false]);
		}
	},

	/** The recent calls whose name or number holds the text (all of them for no text). */
	recentFor: function(query)
	{
		var text = query.toLowerCase();
		return Zarafa.plugins.click2dial.recentCalls().filter(function(call) {
			return text === '' || String(call.name || '').toLowerCase().indexOf(text) !== -1 || call.number.toLowerCase().indexOf(text) !== -1;
		});
	},

	/** The arrow keys choose, Enter calls, Escape closes the list. */
	onKey: function(event)
	{
		if (event.key === 'Escape') {
			this.hideList();
		} else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			this.move(event.key === 'ArrowDown' ? 1 : -1);
		} else if (event.key === 'Enter') {
			event.preventDefault();
			this.onEnter();
		}
	},

	/**
	 * The chosen line; a typed number; the only line offered once the name was looked up (or
	 * is too short to be); else the name is looked up now, and called when it gives one line.
	 * Among several lines nothing is called until one is chosen.
	 */
	onEnter: function()
	{
		var query = this.query();
		var shown = this.choicesFor === query && this.isListShown();
		var complete = this.searched === query || query.length < this.MIN_NAME_LENGTH;
		if (shown && this.selected >= 0) {
			this.dial(this.choices[this.selected]);
		} else if (this.NUMBER.test(query)) {
			this.dial({ name: query, number: query });
		} else if (shown && complete && this.choices.length === 1) {
			this.dial(this.choices[0]);
		} else if (!complete) {
			window.clearTimeout(this.timer);
			this.search(query, true);
		}
	},

	/** Looks the name up; with callSingle, a single line offered is called at once. */
	search: function(query, callSingle)
	{
		var box = this;
		var search = ++this.searches;
		container.getRequest().singleRequest('click2dialmodule', 'search', { query: query },
			new Zarafa.core.data.AbstractResponseHandler({
				doSuccess: function(reply) {
					if (search !== box.searches || query !== box.query()) {
						return;
					}
					box.searched = query;
					var recent = box.recentFor(query);
					var found = box.choicesOf(reply.matches || [], recent);
					box.showChoices(query, [
						{ heading: Zarafa.plugins.click2dial.t('Recent calls'), choices: recent },
						{ heading: recent.length > 0 ? Zarafa.plugins.click2dial.t('Contacts and address book') : '', choices: found }
					]);
					if (box.choices.length === 0) {
						box.showMessage(Zarafa.plugins.click2dial.t('No one of this name has a phone number in your contacts or the address book.'));
					} else if (callSingle && box.choices.length === 1) {
						box.dial(box.choices[0]);
					}
				},
				doError: function(reply) {
					if (search !== box.searches) {
						return;
					}
					var info = (reply && reply.info) || {};
					box.showMessage(Zarafa.plugins.click2dial.adviceFor(info.kind || 'internal', info.detail || ''));
				}
			}));
	},

	/** The server's matches as lines, leaving out a number offered already as a recent call. */
	choicesOf: function(matches, recent)
	{
		var formatting = Zarafa.plugins.click2dial.FORMATTING;
		var offered = {};
		Ext.each(recent, function(call) {
			offered[call.number.replace(formatting, '')] = true;
		});
		var choices = [];
		Ext.each(matches, function(match) {
			if (!Ext.isString(match.number) || offered[match.number.replace(formatting, '')]) {
				return;
			}
			choices.push({ name: match.display_name || match.number, label: this.labelOf(match.field),
				number: match.number, dial: match.dial || match.number });
		}, this);
		return choices;
	},

	/** The contact dialog's word for a phone field (Business, Mobile, ...). */
	labelOf: function(field)
	{
		var label = '';
		Ext.each(Zarafa.plugins.click2dial.PHONE_FIELDS, function(known) {
			if (known[0] === field) {
				label = Zarafa.plugins.click2dial.t(known[1]);
				return false;
			}
		});
		return label;
	},

	dial: function(choice)
	{
		this.hideList();
		this.input.value = '';
		this.choices = [];
		Zarafa.plugins.click2dial.confirmAndCall(choice.name, choice.number);
	},

	/**
	 * The list under the box for the text query: groups [{heading, choices}] one after the
	 * other, each group's heading above it when it has one and lines.
	 */
	showChoices: function(query, groups)
	{
		this.choicesFor = query;
		this.choices = [];
		this.selected = -1;
		this.clearList();
		Ext.each(groups, function(group) {
			if (group.choices.length > 0 && group.heading) {
				this.addHeading(group.heading);
			}
			Ext.each(group.choices, function(choice) {
				this.addChoice(choice, this.choices.length);
				this.choices.push(choice);
			}, this);
		}, this);
		if (this.choices.length === 0) {
			this.hideList();
		} else {
			this.showList();
		}
	},

	addHeading: function(text)
	{
		var heading = this.list.appendChild(this.list.ownerDocument.createElement('li'));
		heading.className = 'click2dial_dialbox_heading';
		heading.setAttribute('role', 'presentation');
		heading.textContent = text;
	},

	/** One line: "name – label: dial" (or "name: number", or the number alone), as text. */
	addChoice: function(choice, index)
	{
		var doc = this.list.ownerDocument;
		var item = this.list.appendChild(doc.createElement('li'));
		item.className = 'click2dial_dialbox_choice';
		item.id = this.list.id + '-' + index;
		item.setAttribute('role', 'option');
		item.setAttribute('aria-selected', 'false');
		item.setAttribute('data-number', choice.number);
		var shown = choice.dial || choice.number;
		if (choice.name !== choice.number) {
			var name = item.appendChild(doc.createElement('span'));
			name.className = 'click2dial_dialbox_name';
			name.textContent = choice.name + (choice.label ? ' \u2013 ' + choice.label : '');
			item.appendChild(doc.createTextNode(': '));
		}
		var number = item.appendChild(doc.createElement('span'));
		number.className = 'click2dial_dialbox_number';
		number.textContent = shown;
		if (shown !== choice.number) {
			item.title = choice.number;
		}
		item.addEventListener('mousedown', function(event) {
			// Before the input's blur hides the list.
			event.preventDefault();
			this.dial(choice);
		}.createDelegate(this));
		item.addEventListener('mousemove', this.select.createDelegate(this, [index]));
	},

	/** The next or previous line, from none to the first or the last; a closed list opens. */
	move: function(step)
	{
		if (!this.isListShown()) {
			this.onInput();
			return;
		}
		if (this.choices.length === 0) {
			return;
		}
		var count = this.choices.length;
		this.select(this.selected < 0 ? (step > 0 ? 0 : count - 1) : (this.selected + step + count) % count);
	},

	select: function(index)
	{
		this.selected = index;
		var lines = this.list.querySelectorAll('.click2dial_dialbox_choice');
		for (var i = 0; i < lines.length; i++) {
			var chosen = i === index;
			lines[i].className = 'click2dial_dialbox_choice' + (chosen ? ' click2dial_dialbox_selected' : '');
			lines[i].setAttribute('aria-selected', chosen ? 'true' : 'false');
		}
		this.input.setAttribute('aria-activedescendant', index >= 0 ? this.list.id + '-' + index : '');
	},

	showMessage: function(text)
	{
		this.choices = [];
		this.selected = -1;
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
		this.input.removeAttribute('aria-activedescendant');
	},

	isListShown: function()
	{
		return this.list.style.display !== 'none';
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
		this.input.setAttribute('aria-expanded', 'true');
	},

	hideList: function()
	{
		this.list.style.display = 'none';
		this.input.setAttribute('aria-expanded', 'false');
	},

	hideListSoon: function()
	{
		this.hiding = this.hideList.defer(200, this);
	},

	beforeDestroy: function()
	{
		window.clearTimeout(this.timer);
		window.clearTimeout(this.hiding);
		if (this.list && this.list.parentNode) {
			this.list.parentNode.removeChild(this.list);
		}
		Zarafa.plugins.click2dial.DialBox.superclass.beforeDestroy.apply(this, arguments);
	}
});

Ext.reg('zarafa.click2dialdialbox', Zarafa.plugins.click2dial.DialBox);
