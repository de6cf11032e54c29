/*
 * Numbers in what the user reads become links: the text of an element (a mail body in its
 * iframe, a contact's or address book entry's details) goes to the server in pieces, the
 * extension (module action findnumbers) says where the numbers are, and each is wrapped in an
 * anchor. The markup is changed only by splitting text nodes and inserting anchors: nothing is
 * parsed as HTML, links, scripts, styles and form fields are left alone. A click on a number,
 * or on a tel:/callto: link already in the text, places the call through the plugin's call
 * path (confirmation setting, repeat guard) instead of leaving the browser.
 */
Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial.NumberLinks
 * @singleton
 */
Zarafa.plugins.click2dial.NumberLinks = {
	// The module refuses a piece over 16 KiB (UTF-8 bytes); pieces end at line breaks.
	MAX_PIECE_BYTES: 16384,
	// Elements whose text is no reading text, or is a link already.
	SKIP: { A: true, SCRIPT: true, STYLE: true, TEXTAREA: true, INPUT: true, SELECT: true, OPTION: true, BUTTON: true, NOSCRIPT: true, TEMPLATE: true, IFRAME: true, OBJECT: true, SVG: true },
	CLS: 'click2dial_link',

	/**
	 * Links the numbers in root's text, and makes clicks on them (and on tel:/callto: links)
	 * call. name is who the numbers belong to, for the confirmation ('' for a mail).
	 */
	link: function(root, name)
	{
		var self = Zarafa.plugins.click2dial.NumberLinks;
		if (!root || !root.ownerDocument) {
			return;
		}
		self.listen(root.ownerDocument);
		root.setAttribute('data-click2dial-name', name || '');
		Ext.each(self.pieces(self.textNodes(root)), self.ask);
	},

	/** The text nodes of root with readable text, in document order. */
	textNodes: function(root)
	{
		var self = Zarafa.plugins.click2dial.NumberLinks;
		var nodes = [];
		var walk = function(node) {
			for (var child = node.firstChild; child; child = child.nextSibling) {
				if (child.nodeType === 3) {
					if (/\d/.test(child.nodeValue)) {
						nodes.push(child);
					}
				} else if (child.nodeType === 1 && !self.SKIP[child.nodeName.toUpperCase()] && !child.isContentEditable) {
					walk(child);
				}
			}
		};
		walk(root);
		return nodes;
	},

	/** UTF-8 length of a JS string. */
	bytes: function(text)
	{
		return unescape(encodeURIComponent(text)).length;
	},

	/**
	 * The pieces to send: [{text, segments: [{node, from, to, at}]}]. Text nodes are joined by
	 * line breaks (a number never spans two nodes: two table cells are two texts); a long node
	 * is cut at its own line breaks; a line longer than a piece is left out.
	 */
	pieces: function(nodes)
	{
		var self = Zarafa.plugins.click2dial.NumberLinks;
		var pieces = [];
		var piece = { text: '', bytes: 0, segments: [] };
		var add = function(node, from, to) {
			var text = node.nodeValue.substring(from, to);
			var size = self.bytes(text) + 1;
			if (size > self.MAX_PIECE_BYTES) {
				return;
			}
			if (piece.bytes + size > self.MAX_PIECE_BYTES) {
				pieces.push(piece);
				piece = { text: '', bytes: 0, segments: [] };
			}
			piece.segments.push({ node: node, value: node.nodeValue, from: from, to: to, at: piece.text.length });
			piece.text += text + '\n';
			piece.bytes += size;
		};
		Ext.each(nodes, function(node) {
			var value = node.nodeValue;
			if (self.bytes(value) < self.MAX_PIECE_BYTES) {
				add(node, 0, value.length);
				return;
			}
			var from = 0;
			while (from < value.length) {
				var end = value.indexOf('\n', from);
				end = end < 0 ? value.length : end + 1;
				add(node, from, end);
				from = end;
			}
		});
		if (piece.segments.length > 0) {
			pieces.push(piece);
		}
		return pieces;
	},

	/** One piece to the server; its numbers become links when the reply comes. */
	ask: function(piece)
	{
		container.getRequest().singleRequest('click2dialmodule', 'findnumbers', { text: piece.text },
			new Zarafa.core.data.AbstractResponseHandler({
				doSuccess: function(reply) {
					Zarafa.plugins.click2dial.NumberLinks.apply(piece, (reply && reply.numbers) || []);
				},
				// No links is all that goes wrong: the text stays as it is.
				doError: Ext.emptyFn
			}));
	},

	/**
	 * Wraps each number of the reply in an anchor. A node that changed since it was sent (the
	 * client's own linking of addresses replaced it, a new body was shown) is skipped.
	 */
	apply: function(piece, numbers)
	{
		var self = Zarafa.plugins.click2dial.NumberLinks;
		var byNode = [];
		Ext.each(numbers, function(found) {
			Ext.each(piece.segments, function(segment) {
				var length = segment.to - segment.from;
				if (found.start >= segment.at && found.end <= segment.at + length && found.end > found.start) {
					byNode.push({ segment: segment, start: segment.from + found.start - segment.at, end: segment.from + found.end - segment.at, found: found });
					return false;
				}
			});
		});
		// Last first: splitting a node keeps the offsets before the split.
		byNode.sort(function(a, b) { return b.start - a.start; });
		Ext.each(byNode, function(item) {
			var node = item.segment.node;
			if (!node.parentNode || !node.ownerDocument.contains(node) || node.nodeValue.length < item.end
				|| item.segment.value.substring(0, item.end) !== node.nodeValue.substring(0, item.end)) {
				return;
			}
			node.splitText(item.end);
			var number = node.splitText(item.start);
			var anchor = self.anchor(node.ownerDocument, item.found);
			number.parentNode.insertBefore(anchor, number);
			anchor.appendChild(number);
		});
	},

	/** The anchor for a number: no href (nothing to leave to), the dialed form as its title. */
	anchor: function(doc, found)
	{
		var anchor = doc.createElement('a');
		anchor.className = Zarafa.plugins.click2dial.NumberLinks.CLS;
		anchor.setAttribute('role', 'link');
		anchor.setAttribute('tabindex', '0');
		anchor.setAttribute('data-click2dial-number', String(found.number || ''));
		anchor.setAttribute('data-click2dial-dial', String(found.dial || ''));
		anchor.title = String(found.dial || '');
		// The mail's iframe has none of the plugin's CSS.
		anchor.style.cursor = 'pointer';
		anchor.style.textDecoration = 'underline';
		return anchor;
	},

	/** Clicks (and Enter) on numbers and on tel:/callto: links of doc call; once per document. */
	listen: function(doc)
	{
		if (doc.click2dialListening) {
			return;
		}
		doc.click2dialListening = true;
		var self = Zarafa.plugins.click2dial.NumberLinks;
		doc.addEventListener('click', self.onClick, true);
		doc.addEventListener('keydown', function(event) {
			if (event.key === 'Enter') {
				self.onClick(event);
			}
		}, true);
	},

	onClick: function(event)
	{
		var self = Zarafa.plugins.click2dial.NumberLinks;
		var anchor = event.target && event.target.closest ? event.target.closest('a') : null;
		if (!anchor) {
			return;
		}
		var number = anchor.classList.contains(self.CLS) ? anchor.getAttribute('data-click2dial-number') : self.fromUri(anchor.getAttribute('href'));
		if (!number) {
			return;
		}
		event.preventDefault();
		event.stopPropagation();
		var owner = anchor.closest('[data-click2dial-name]');
		Zarafa.plugins.click2dial.confirmAndCall((owner && owner.getAttribute('data-click2dial-name')) || number, number);
	},

	/** The number of a tel: or callto: link ('' for any other link); the extension reads tel: URIs. */
	fromUri: function(href)
	{
		var match = /^\s*(tel|callto):(?:\/\/)?(.*)$/i.exec(href || '');
		if (!match) {
			return '';
		}
		var number;
		try {
			number = decodeURIComponent(match[2]);
		} catch (e) {
			number = match[2];
		}
		return match[1].toLowerCase() === 'tel' ? 'tel:' + number : number;
	}
};
