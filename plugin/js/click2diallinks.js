/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * Numbers in what the user reads become links: an opened mail's body (plain text and HTML, in
 * the iframe WebAccess writes it into), the phone fields of an opened contact and of a global
 * address book entry. Which text is a number is the extension's decision (the module's
 * findnumbers action, Click2Dial\findNumbers): the text goes to the server in bounded pieces
 * and comes back as offsets. The page is changed only by splitting text nodes and inserting
 * anchors: nothing is ever parsed as HTML, so markup in a mail stays as inert as WebAccess left
 * it, and its layout is kept. A click on such a link, or on an existing tel: or callto: link,
 * places the call through click2dial.placeCall (confirmation and repeat guard included).
 */

var click2dialLinks = {
	// As click2dialmodule::MAX_PIECE_BYTES / MAX_PIECES: 16 Ki UTF-16 code units a piece (at
	// most 48 KiB of UTF-8), 8 pieces a body, all sent in one request. The rest of a longer
	// body gets no links.
	maxPieceLength: 16384,
	maxPieces: 8,

	// Text inside these is not linked: links already, code, form controls, what is not shown.
	skipped: {A: 1, SCRIPT: 1, STYLE: 1, TEXTAREA: 1, SELECT: 1, OPTION: 1, BUTTON: 1, NOSCRIPT: 1,
		TITLE: 1, HEAD: 1, IFRAME: 1, OBJECT: 1, TEMPLATE: 1},

	// The GAB details dialog's phone fields (client/layout/dialogs/standard/gab_detail_mailuser.php);
	// the fax field is left out.
	gabFields: ["phone", "business_telephone_number", "home_telephone_number", "mobile_telephone_number",
		"pager_telephone_number"],

	module: null,
	lastPiece: 0,
	// Piece key => {job, text, parts: [{segment, at}]}.
	pending: {},

	/** The plugin's hooks (Pluginclick2dial.execute) that concern links. */
	hooked: function(eventID, data)
	{
		switch (eventID) {
			case "client.module.readmailitemmodule.setbody.postdisplay":
				if (data && data.iframedocument && data.iframedocument.body) {
					this.interceptCalls(data.iframedocument);
					this.linkify(data.iframedocument.body);
				}
				break;
			case "client.module.addressbookitem.item.after":
				// MAPI_MAILUSER (6): a person; lists and containers have no phone fields.
				if (data && data.object_type == 6) {
					this.linkifyFields(document, this.gabFields);
				}
				break;
			case "client.module.itemmodule.item.before":
				// ItemModule.item() fires this before it fills the dialog's fields from the item.
				if (document.getElementById("telephone_number_1")) {
					var self = this;
					window.setTimeout(function() { self.linkifyFields(document, self.contactFields()); }, 0);
				}
				break;
		}
	},

	/** The contact dialog's four visible phone fields, less those showing a fax number. */
	contactFields: function()
	{
		var ids = [];
		for (var i = 1; i <= 4; i++) {
			var selected = document.getElementById("selected_phone_" + i);
			if (!selected || !/fax/.test(selected.value)) {
				ids.push("telephone_number_" + i);
			}
		}
		return ids;
	},

	/**
	 * Links for numbers in form fields, which hold no text nodes: after each field a small
	 * span with the field's text, whose numbers then become links as any text's do.
	 */
	linkifyFields: function(doc, ids)
	{
		this.interceptCalls(doc);
		for (var i = 0; i < ids.length; i++) {
			var field = doc.getElementById(ids[i]);
			if (field && /[0-9]/.test(field.value || "")) {
				this.linkifyField(doc, field);
			}
		}
	},

	linkifyField: function(doc, field)
	{
		var old = doc.getElementById(field.id + "_click2dial");
		if (old) {
			old.parentNode.removeChild(old);
		}
		var links = doc.createElement("span");
		links.id = field.id + "_click2dial";
		links.className = "click2dial_field_links";
		links.appendChild(doc.createTextNode(field.value));
		field.parentNode.insertBefore(links, field.nextSibling);
		this.linkifyNodes(this.textNodes(links), function() {
			// Only the links stay: the field itself shows the rest of its text.
			for (var node = links.firstChild; node; ) {
				var next = node.nextSibling;
				if (node.nodeType == 3) {
					links.removeChild(node);
				}
				node = next;
			}
		});
	},

	/** Turns the numbers in the text below root into links. */
	linkify: function(root)
	{
		this.linkifyNodes(this.textNodes(root), null);
	},

	linkifyNodes: function(nodes, done)
	{
		var pieces = this.pieces(this.segments(nodes)).slice(0, this.maxPieces);
		if (pieces.length == 0) {
			return;
		}
		var job = {waiting: pieces.length, matches: [], done: done};
		var module = this.getModule();
		for (var i = 0; i < pieces.length; i++) {
			var key = ++this.lastPiece;
			pieces[i].job = job;
			this.pending[key] = pieces[i];
			webclient.xmlrequest.addData(module, "findnumbers", {"piece": key, "text": pieces[i].text});
		}
		webclient.xmlrequest.sendRequest();
	},

	/** The text nodes below root that may hold a number, in document order. */
	textNodes: function(root)
	{
		var found = [];
		var stack = [root];
		while (stack.length) {
			var node = stack.pop();
			if (node.nodeType == 3) {
				if (/[0-9]/.test(node.nodeValue)) {
					found.push(node);
				}
			} else if (node.nodeType == 1 && !this.skipped[node.nodeName.toUpperCase()]) {
				for (var child = node.lastChild; child; child = child.previousSibling) {
					stack.push(child);
				}
			}
		}
		return found;
	},

	/**
	 * Each node's text as {node, offset, text}; a node longer than a piece is cut at its line
	 * breaks (a number is never split across lines), or where it must, never inside a UTF-16
	 * surrogate pair.
	 */
	segments: function(nodes)
	{
		var segments = [];
		for (var i = 0; i < nodes.length; i++) {
			var value = nodes[i].nodeValue;
			var offset = 0;
			while (value.length - offset > this.maxPieceLength) {
				var cut = value.lastIndexOf("\n", offset + this.maxPieceLength - 1) + 1;
				if (cut <= offset) {
					cut = offset + this.maxPieceLength;
					var code = value.charCodeAt(cut - 1);
					if (code >= 0xd800 && code <= 0xdbff) {
						cut--;
					}
				}
				segments.push({node: nodes[i], offset: offset, text: value.substring(offset, cut)});
				offset = cut;
			}
			segments.push({node: nodes[i], offset: offset, text: value.substring(offset)});
		}
		return segments;
	},

	/**
	 * Segments packed into pieces of at most maxPieceLength, one line break between two
	 * segments, so that no number is found across two text nodes.
	 */
	pieces: function(segments)
	{
		var pieces = [];
		var piece = null;
		for (var i = 0; i < segments.length; i++) {
			var segment = segments[i];
			if (!piece || piece.text.length + 1 + segment.text.length > this.maxPieceLength) {
				piece = {text: "", parts: []};
				pieces.push(piece);
			} else {
				piece.text += "\n";
			}
			piece.parts.push({segment: segment, at: piece.text.length});
			piece.text += segment.text;
		}
		return pieces;
	},

	/** click2dialmodule for the findnumbers action, with its own reply handler. */
	getModule: function()
	{
		if (!this.module) {
			var module = new click2dialmodule();
			var id = webclient.addModule(module);
			module.init(id);
			var self = this;
			module.execute = function(type, action) { self.replied(type, action); };
			this.module = module;
		}
		return this.module;
	},

	/** A "numbers" reply for one piece; the links go in once all pieces of the job are back. */
	replied: function(type, action)
	{
		if (type != "numbers") {
			return;
		}
		var key = click2dialXmlText(action, "piece");
		var piece = this.pending[key];
		if (!piece) {
			return;
		}
		delete this.pending[key];
		var job = piece.job;
		if (click2dialXmlText(action, "error") == "") {
			var found = action.getElementsByTagName("found");
			for (var i = 0; i < found.length; i++) {
				this.addMatch(job, piece, {
					start: parseInt(click2dialXmlText(found[i], "start"), 10),
					end: parseInt(click2dialXmlText(found[i], "end"), 10),
					text: click2dialXmlText(found[i], "text"),
					number: click2dialXmlText(found[i], "number"),
					dial: click2dialXmlText(found[i], "dial")
				});
			}
		}
		if (--job.waiting == 0) {
			this.insertLinks(job.matches);
			if (job.done) {
				job.done();
			}
		}
	},

	/** A number found in a piece, as {node, start, end} in the node it lies in. */
	addMatch: function(job, piece, found)
	{
		for (var i = 0; i < piece.parts.length; i++) {
			var part = piece.parts[i];
			if (found.start >= part.at && found.end <= part.at + part.segment.text.length) {
				var start = part.segment.offset + found.start - part.at;
				job.matches.push({node: part.segment.node, start: start, end: start + found.end - found.start, found: found});
				return;
			}
		}
	},

	/** From the last match to the first, so that splitting a node moves no offset still to come. */
	insertLinks: function(matches)
	{
		matches.sort(function(a, b) { return b.start - a.start; });
		for (var i = 0; i < matches.length; i++) {
			var match = matches[i];
			// A node changed meanwhile (or a reply that does not fit it) gets no link.
			if (match.node.parentNode && match.node.nodeValue.substring(match.start, match.end) === match.found.text) {
				this.wrap(match.node, match.start, match.end, match.found);
			}
		}
	},

	/** Splits the text node at start and end and puts the middle into an anchor. */
	wrap: function(node, start, end, found)
	{
		var doc = node.ownerDocument;
		var middle = node.splitText(start);
		middle.splitText(end - start);
		var link = doc.createElement("a");
		link.className = "click2dial_link";
		link.setAttribute("href", "tel:" + found.number);
		link.setAttribute("data-click2dial-number", found.number);
		link.setAttribute("title", click2dial.format(click2dial.t("Call %s"), found.dial));
		middle.parentNode.replaceChild(link, middle);
		link.appendChild(middle);
	},

	/** One click handler per document, before the page's own: our links, tel: and callto:. */
	interceptCalls: function(doc)
	{
		if (doc.click2dialIntercepted) {
			return;
		}
		doc.click2dialIntercepted = true;
		var self = this;
		doc.addEventListener("click", function(event) { self.clicked(event); }, true);
	},

	clicked: function(event)
	{
		var link = event.target;
		while (link && !(link.nodeType == 1 && link.nodeName.toUpperCase() == "A")) {
			link = link.parentNode;
		}
		var number = link ? this.numberOfLink(link) : "";
		if (number == "") {
			return;
		}
		event.preventDefault();
		event.stopPropagation();
		var name = (link.textContent || "").replace(/^\s+|\s+$/g, "");
		click2dial.placeCall(name || number, number);
	},

	/**
	 * What to call for a link: our own links' number, a tel: or callto: link's number (without
	 * its parameters; the server's dial plan reads the rest); "" for any other link.
	 */
	numberOfLink: function(link)
	{
		var own = link.getAttribute("data-click2dial-number");
		if (own) {
			return own;
		}
		var target = /^\s*(tel|callto):(?:\/\/)?([^;?]*)/i.exec(link.getAttribute("href") || "");
		if (!target) {
			return "";
		}
		try {
			return decodeURIComponent(target[2]).replace(/^\s+|\s+$/g, "");
		} catch (e) {
			return "";
		}
	}
};
