/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The dial box: a "Dial" button in the contact list's top menu
 * (client.module.contactlistmodule.topmenu.buildup) opens a small field where the user types a
 * number or a name. A number is offered as the one line to call. For anything else the server
 * (lookup action) is asked after a pause in typing: it offers the numbers this user called
 * last that hold the text, then, for two characters or more, up to eight numbers of contacts
 * (all contact folders) and GAB users whose name holds it. Each line shows the name, which
 * number it is (Business, Mobile, ...) and the number as the PBX will dial it, the number as
 * written in its tooltip. The arrow keys choose a line (a listbox of options), Enter or a click
 * calls it; Enter calls at once only when one line is offered, and never guesses among
 * several. Calls go through click2dial.placeCall (confirmation and repeat guard included).
 * Names and numbers go into the page as text only.
 */

var click2dialBox = {
	// What reads as a number to call at once rather than a name to look up.
	numberPattern: /^\s*(tel:|callto:)?\+?[\d\s().\/\-\u2010-\u2015]*\d[\d\s().\/\-\u2010-\u2015]*((ext\.?|x|;ext=)\s*\d+)?\s*$/i,
	// Wait for a pause in typing before asking the server; shorter names are not looked up.
	typingPauseMs: 250,
	minNameLength: 2,
	// The phone properties the server names (field) beyond click2dial.phoneFields, with their labels.
	moreFields: [
		["callback_telephone_number", "Callback"],
		["isdn_number", "ISDN"],
		["radio_telephone_number", "Radio"],
		["pager_telephone_number", "Pager"],
		["ttytdd_telephone_number", "TTY/TDD"],
		["telex_telephone_number", "Telex"],
		["mobile_telephone_number", "Mobile"]
	],
	module: null,
	timer: null,
	// The lines offered, the one chosen (-1: none), and the text they were offered for.
	choices: [],
	selected: -1,
	choicesFor: null,
	// The text the server's answer is there for; Enter waiting for an answer to call a single line.
	answered: null,
	callWhenAnswered: null,

	topMenu: function(items)
	{
		items.push(webclient.menu.createMenuItem("click2dial_dial", click2dial.t("Dial"),
			click2dial.t("Call a number or name"), function() { click2dialBox.toggle(); }));
	},

	toggle: function()
	{
		var box = document.getElementById("click2dial_dialbox");
		if (box) {
			window.clearTimeout(this.timer);
			box.parentNode.removeChild(box);
			return;
		}
		box = document.createElement("div");
		box.id = "click2dial_dialbox";
		box.className = "click2dial_dialbox";
		var input = document.createElement("input");
		input.id = "click2dial_dialbox_input";
		input.type = "text";
		input.maxLength = 64;
		input.autocomplete = "off";
		input.setAttribute("placeholder", click2dial.t("Call a number or name"));
		input.setAttribute("aria-label", click2dial.t("Call a number or name"));
		input.setAttribute("role", "combobox");
		input.setAttribute("aria-autocomplete", "list");
		input.setAttribute("aria-expanded", "false");
		input.setAttribute("aria-controls", "click2dial_dialbox_choices");
		var list = document.createElement("ul");
		list.id = "click2dial_dialbox_choices";
		list.className = "click2dial_dialbox_list";
		list.setAttribute("role", "listbox");
		list.style.display = "none";
		box.appendChild(input);
		box.appendChild(list);
		var self = this;
		input.addEventListener("input", function() { self.typed(); });
		input.addEventListener("keydown", function(event) { self.key(event); });
		var bar = document.getElementById("menubar");
		(bar && bar.parentNode ? bar.parentNode : document.body).insertBefore(box, bar ? bar.nextSibling : null);
		input.focus();
		this.typed();
	},

	input: function()
	{
		return document.getElementById("click2dial_dialbox_input");
	},

	list: function()
	{
		return document.getElementById("click2dial_dialbox_choices");
	},

	query: function()
	{
		var input = this.input();
		return input ? input.value.replace(/^\s+|\s+$/g, "") : "";
	},

	/** A typed number is the one line; anything else is asked for after a pause (at once when empty). */
	typed: function()
	{
		var query = this.query();
		var self = this;
		window.clearTimeout(this.timer);
		this.answered = null;
		this.callWhenAnswered = null;
		if (this.numberPattern.test(query)) {
			this.showChoices(query, [{heading: "", choices: [{name: query, number: query, dial: query}]}]);
			return;
		}
		this.timer = window.setTimeout(function() { self.ask(query); }, query === "" ? 0 : this.typingPauseMs);
	},

	/** The arrow keys choose, Enter calls, Escape closes the box. */
	key: function(event)
	{
		if (event.keyCode == 27) {
			this.toggle();
		} else if (event.keyCode == 40 || event.keyCode == 38) {
			event.preventDefault();
			this.move(event.keyCode == 40 ? 1 : -1);
		} else if (event.keyCode == 13) {
			event.preventDefault();
			this.enter();
		}
	},

	/**
	 * The chosen line; a typed number; the only line offered once the server has answered for
	 * the text; else, before the answer, the text is asked for now and its line called when the
	 * answer offers exactly one. Among several lines nothing is called until one is chosen.
	 */
	enter: function()
	{
		var query = this.query();
		var shown = this.choicesFor === query;
		if (shown && this.selected >= 0) {
			this.dial(this.choices[this.selected]);
		} else if (this.numberPattern.test(query)) {
			this.dial({name: query, number: query});
		} else if (this.answered !== query) {
			window.clearTimeout(this.timer);
			this.callWhenAnswered = query;
			this.ask(query);
		} else if (shown && this.choices.length == 1) {
			this.dial(this.choices[0]);
		}
	},

	ask: function(query)
	{
		var module = this.getModule();
		webclient.xmlrequest.addData(module, "lookup", {"query": query});
		webclient.xmlrequest.sendRequest();
	},

	getModule: function()
	{
		if (!this.module) {
			var module = new click2dialmodule();
			var id = webclient.addModule(module);
			module.init(id);
			var self = this;
			module.execute = function(type, action) {
				if (type == "matches") {
					self.answer(action);
				} else if (type == "error") {
					click2dial.failed(click2dialXmlText(action, "kind"), click2dialXmlText(action, "message"));
				}
			};
			this.module = module;
		}
		return this.module;
	},

	/** The server's offer; an answer to other text than what the field holds is dropped. */
	answer: function(action)
	{
		var query = click2dialXmlText(action, "query");
		if (!this.list() || query != this.query() || this.numberPattern.test(query)) {
			return;
		}
		this.answered = query;
		var recent = [];
		var offered = {};
		var items = action.getElementsByTagName("recent");
		for (var i = 0; i < items.length; i++) {
			var number = click2dialXmlText(items[i], "number");
			offered[number.replace(click2dial.formatting, "")] = true;
			recent.push({name: number, number: number, dial: click2dialXmlText(items[i], "dial")});
		}
		var found = [];
		var matches = action.getElementsByTagName("match");
		for (var m = 0; m < matches.length; m++) {
			var written = click2dialXmlText(matches[m], "number");
			if (!offered[written.replace(click2dial.formatting, "")]) {
				found.push({name: click2dialXmlText(matches[m], "name"), label: this.labelOf(click2dialXmlText(matches[m], "field")),
					number: written, dial: click2dialXmlText(matches[m], "dial")});
			}
		}
		this.showChoices(query, [
			{heading: click2dial.t("Recent calls"), choices: recent},
			{heading: recent.length ? click2dial.t("Contacts and address book") : "", choices: found}
		]);
		var searched = query.length >= this.minNameLength;
		if (this.choices.length == 0 && click2dialXmlText(action, "error") == "address_book") {
			this.showMessage(click2dial.t("The address book cannot be searched now. Try again later."));
		} else if (this.choices.length == 0 && searched) {
			this.showMessage(click2dial.t("No one of this name has a phone number in your contacts or the address book."));
		} else if (this.callWhenAnswered === query && this.choices.length == 1) {
			this.dial(this.choices[0]);
		}
		this.callWhenAnswered = null;
	},

	/** The word for a phone property (Business, Mobile, ...), in the user's language. */
	labelOf: function(field)
	{
		var fields = click2dial.phoneFields.concat(this.moreFields);
		for (var i = 0; i < fields.length; i++) {
			if (fields[i][0] == field) {
				return click2dial.t(fields[i][1]);
			}
		}
		return "";
	},

	dial: function(choice)
	{
		var input = this.input();
		if (input) {
			input.value = "";
		}
		this.clearList();
		this.choicesFor = null;
		click2dial.placeCall(choice.name, choice.number);
	},

	/** The lines for the text query: groups [{heading, choices}], each heading above its lines. */
	showChoices: function(query, groups)
	{
		this.clearList();
		this.choicesFor = query;
		for (var g = 0; g < groups.length; g++) {
			if (groups[g].choices.length && groups[g].heading) {
				this.addHeading(groups[g].heading);
			}
			for (var c = 0; c < groups[g].choices.length; c++) {
				this.addChoice(groups[g].choices[c], this.choices.length);
				this.choices.push(groups[g].choices[c]);
			}
		}
		this.showList(this.choices.length > 0);
	},

	addHeading: function(text)
	{
		var heading = document.createElement("li");
		heading.className = "click2dial_dialbox_heading";
		heading.setAttribute("role", "presentation");
		heading.appendChild(document.createTextNode(text));
		this.list().appendChild(heading);
	},

	/** One line: "name – label: dial" (or the number alone), as text; the number as written in the tooltip. */
	addChoice: function(choice, index)
	{
		var item = document.createElement("li");
		item.className = "click2dial_dialbox_choice";
		item.id = "click2dial_dialbox_choice_" + index;
		item.setAttribute("role", "option");
		item.setAttribute("aria-selected", "false");
		var shown = choice.dial || choice.number;
		if (choice.name != choice.number) {
			var name = document.createElement("span");
			name.className = "click2dial_dialbox_name";
			name.appendChild(document.createTextNode(choice.name + (choice.label ? " \u2013 " + choice.label : "")));
			item.appendChild(name);
			item.appendChild(document.createTextNode(": "));
		}
		var number = document.createElement("span");
		number.className = "click2dial_dialbox_number";
		number.appendChild(document.createTextNode(shown));
		item.appendChild(number);
		if (shown != choice.number) {
			item.title = choice.number;
		}
		var self = this;
		item.addEventListener("mousedown", function(event) {
			// The field keeps the focus, for the keys.
			event.preventDefault();
			self.dial(choice);
		});
		item.addEventListener("mousemove", function() { self.select(index); });
		this.list().appendChild(item);
	},

	/** The next or previous line, from none to the first or the last. */
	move: function(step)
	{
		var count = this.choices.length;
		if (count == 0 || this.choicesFor !== this.query()) {
			return;
		}
		this.select(this.selected < 0 ? (step > 0 ? 0 : count - 1) : (this.selected + step + count) % count);
	},

	select: function(index)
	{
		this.selected = index;
		var lines = this.list().getElementsByTagName("li");
		for (var i = 0; i < lines.length; i++) {
			if (lines[i].getAttribute("role") == "option") {
				var chosen = lines[i].id == "click2dial_dialbox_choice_" + index;
				lines[i].className = "click2dial_dialbox_choice" + (chosen ? " click2dial_dialbox_selected" : "");
				lines[i].setAttribute("aria-selected", chosen ? "true" : "false");
			}
		}
		this.input().setAttribute("aria-activedescendant", "click2dial_dialbox_choice_" + index);
	},

	showMessage: function(text)
	{
		this.clearList();
		var item = document.createElement("li");
		item.className = "click2dial_dialbox_message";
		item.setAttribute("role", "presentation");
		item.appendChild(document.createTextNode(text));
		this.list().appendChild(item);
		this.showList(true);
	},

	clearList: function()
	{
		this.choices = [];
		this.selected = -1;
		var list = this.list();
		if (!list) {
			return;
		}
		while (list.firstChild) {
			list.removeChild(list.firstChild);
		}
		this.input().removeAttribute("aria-activedescendant");
		this.showList(false);
	},

	showList: function(shown)
	{
		this.list().style.display = shown ? "" : "none";
		this.input().setAttribute("aria-expanded", shown ? "true" : "false");
	}
};
