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
 * number or a name. The server (lookup action) offers the numbers this user called last, then
 * contacts and GAB users whose name holds the text, each with their numbers. Enter calls what
 * was typed when it holds a digit (the server's dial plan decides whether it can be dialed),
 * else the first number offered; a click on an offered number calls it. Calls go through
 * click2dial.placeCall (confirmation and repeat guard included). Names go into the page as text.
 */

var click2dialBox = {
	// Wait for a pause in typing before asking the server.
	typingPauseMs: 250,
	module: null,
	timer: null,
	choices: [],

	topMenu: function(items)
	{
		items.push(webclient.menu.createMenuItem("click2dial_dial", click2dial.t("Dial"),
			click2dial.t("Call a number, or a name from your contacts and the address book"), function() { click2dialBox.toggle(); }));
	},

	toggle: function()
	{
		var box = document.getElementById("click2dial_dialbox");
		if (box) {
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
		input.setAttribute("placeholder", click2dial.t("Number or name"));
		var list = document.createElement("div");
		list.id = "click2dial_dialbox_choices";
		box.appendChild(input);
		box.appendChild(list);
		var self = this;
		input.addEventListener("input", function() { self.typed(); });
		input.addEventListener("keydown", function(event) { self.key(event); });
		var bar = document.getElementById("menubar");
		(bar && bar.parentNode ? bar.parentNode : document.body).insertBefore(box, bar ? bar.nextSibling : null);
		input.focus();
		this.ask("");
	},

	input: function()
	{
		return document.getElementById("click2dial_dialbox_input");
	},

	typed: function()
	{
		var self = this;
		window.clearTimeout(this.timer);
		this.timer = window.setTimeout(function() { self.ask(self.query()); }, this.typingPauseMs);
	},

	query: function()
	{
		var input = this.input();
		return input ? input.value.replace(/^\s+|\s+$/g, "") : "";
	},

	key: function(event)
	{
		if (event.keyCode == 27) {
			this.toggle();
		} else if (event.keyCode == 13) {
			event.preventDefault();
			var query = this.query();
			if (/[0-9]/.test(query)) {
				click2dial.placeCall(query, query);
			} else if (this.choices.length && this.choices[0].query == query) {
				click2dial.placeCall(this.choices[0].name, this.choices[0].number);
			}
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
					self.show(action);
				} else if (type == "error") {
					click2dial.failed(click2dialXmlText(action, "kind"), click2dialXmlText(action, "message"));
				}
			};
			this.module = module;
		}
		return this.module;
	},

	/** The server's offer; an answer to an older query than what the field holds is dropped. */
	show: function(action)
	{
		var list = document.getElementById("click2dial_dialbox_choices");
		var query = click2dialXmlText(action, "query");
		if (!list || query != this.query()) {
			return;
		}
		while (list.firstChild) {
			list.removeChild(list.firstChild);
		}
		this.choices = [];
		var recent = action.getElementsByTagName("recent");
		for (var i = 0; i < recent.length; i++) {
			var number = recent[i].textContent;
			this.addChoice(list, {query: query, name: number, label: click2dial.t("Recent"), number: number});
		}
		var matches = action.getElementsByTagName("match");
		for (var m = 0; m < matches.length; m++) {
			var name = click2dialXmlText(matches[m], "name");
			var choices = matches[m].getElementsByTagName("choice");
			for (var c = 0; c < choices.length; c++) {
				this.addChoice(list, {query: query, name: name, label: name + " \u2013 " + click2dialXmlText(choices[c], "label"),
					number: click2dialXmlText(choices[c], "number")});
			}
		}
	},

	addChoice: function(list, choice)
	{
		this.choices.push(choice);
		list.appendChild(click2dial.choiceButton(choice, function(number) { click2dial.placeCall(choice.name, number); }));
	}
};
