/*
 * Stand-in of grommunio-web's Zarafa.common.ui.messagepanel.MessageBody
 * (client/zarafa/common/ui/messagepanel/MessageBody.js), the part a plugin meets: an iframe
 * (same origin) whose document body update(record) fills with body.innerHTML =
 *   - nothing while the record is not opened (record.isOpened());
 *   - the HTML body (html_body, or isHTML), sanitized when the server config's enable_dompurify
 *     is on (grommunio-web's default; the real one runs DOMPurify, which also gives links
 *     target, rel and title; here: scripts, event handler attributes and javascript: URLs
 *     removed, tel:/callto: kept);
 *   - else the plain body as '<pre>' + htmlEncode(body) + '</pre>';
 * then, when the browser is idle (requestIdleCallback), its own linking of e-mail addresses:
 * a text node holding one is replaced by new text nodes and a mailto: anchor, as the real
 * linkifyDOMNode does. No insertion point and no event tell a plugin that a body was shown.
 */
Ext.namespace('Zarafa.common.ui.messagepanel');

Zarafa.common.ui.messagepanel.MessageBody = Ext.extend(Ext.Component, {
	emailPattern: /[\w.+%-]+@(?:[\w-]+\.)+\w+/g,
	onRender: function(container, position) {
		this.el = Ext.standinElement('iframe', 'preview-iframe', { frameborder: '0' });
		this.wrap = Ext.standinElement('div', 'preview-body');
		this.wrap.appendChild(this.el);
		container.insertBefore(this.wrap, position || null);
		this.positionEl = this.wrap;
		var doc = this.el.contentWindow.document;
		doc.open();
		doc.write('<!DOCTYPE html><html><head></head><body></body></html>');
		doc.close();
	},
	update: function(record) {
		var doc = this.el.contentWindow.document;
		var body = '';
		if (record && !record.isOpened()) {
			doc.body.innerHTML = '';
			return;
		}
		if (record) {
			var html = record.get('html_body');
			if (record.get('isHTML') === true || !Ext.isEmpty(html)) {
				body = window.serverconfig && serverconfig.enable_dompurify ? this.sanitize(html || '') : (html || '');
			} else if (!Ext.isEmpty(record.get('body'))) {
				body = '<pre>' + Ext.util.Format.htmlEncode(record.get('body')) + '</pre>';
			}
		}
		doc.body.innerHTML = body;
		var self = this;
		window.requestIdleCallback(function() { self.scanDOMForLinks(doc.body); });
	},
	/** What DOMPurify takes away that matters here. */
	sanitize: function(html) {
		var parsed = new DOMParser().parseFromString('<!DOCTYPE html><html><body>' + html + '</body></html>', 'text/html');
		Ext.each(Ext.toArray(parsed.querySelectorAll('script, iframe, object, embed')), function(node) { node.parentNode.removeChild(node); });
		Ext.each(Ext.toArray(parsed.body.querySelectorAll('*')), function(node) {
			Ext.each(Ext.toArray(node.attributes), function(attribute) {
				if (/^on/i.test(attribute.name) || (/^(href|src)$/i.test(attribute.name) && /^\s*javascript:/i.test(attribute.value))) {
					node.removeAttribute(attribute.name);
				}
			});
		});
		return parsed.body.innerHTML;
	},
	scanDOMForLinks: function(node) {
		Ext.each(Ext.toArray(node.childNodes), function(child) {
			if (child.nodeType === 1 && child.nodeName !== 'A') {
				this.scanDOMForLinks(child);
			} else if (child.nodeType === 3 && child.nodeValue.search(this.emailPattern) !== -1) {
				this.linkifyDOMNode(child, node);
			}
		}, this);
	},
	linkifyDOMNode: function(node, parent) {
		var text = node.nodeValue;
		var doc = node.ownerDocument;
		var last = 0;
		text.replace(this.emailPattern, function(address, at) {
			parent.insertBefore(doc.createTextNode(text.substring(last, at)), node);
			var anchor = doc.createElement('a');
			anchor.href = 'mailto:' + address;
			anchor.textContent = address;
			parent.insertBefore(anchor, node);
			last = at + address.length;
		});
		parent.insertBefore(doc.createTextNode(text.substring(last)), node);
		parent.removeChild(node);
	}
});
Ext.reg('zarafa.messagebody', Zarafa.common.ui.messagepanel.MessageBody);
