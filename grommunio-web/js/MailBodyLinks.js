/*
 * The numbers in an opened mail's body (preview and mail dialog) become links. grommunio-web
 * shows a body in Zarafa.common.ui.messagepanel.MessageBody, an iframe whose document body its
 * update(record) fills (plain text as <pre>, HTML after DOMPurify) and then links addresses
 * and URLs when the browser is idle. It offers no insertion point or event after that, so the
 * plugin wraps update(), as grommunio-web's own meet plugin wraps a dialog's method: after
 * the original, the iframe's body is linked, queued behind the client's own linking.
 */
Ext.namespace('Zarafa.plugins.click2dial');

Zarafa.plugins.click2dial.linkMailBodies = function()
{
	var MessageBody = Ext.isDefined(Zarafa.common) && Ext.isDefined(Zarafa.common.ui) && Ext.isDefined(Zarafa.common.ui.messagepanel)
		? Zarafa.common.ui.messagepanel.MessageBody : undefined;
	if (!MessageBody || MessageBody.prototype.click2dialUpdate) {
		return;
	}
	var update = MessageBody.prototype.update;
	MessageBody.prototype.click2dialUpdate = update;
	MessageBody.prototype.update = function(record)
	{
		var result = update.apply(this, arguments);
		var el = this.getEl();
		var iframe = el && (el.dom || el);
		var doc = iframe && iframe.contentWindow ? iframe.contentWindow.document : null;
		if (doc && doc.body && record) {
			var body = doc.body;
			var link = function() {
				// A body that was replaced meanwhile is linked by its own update.
				if (doc.body === body) {
					Zarafa.plugins.click2dial.NumberLinks.link(body, '');
				}
			};
			if (window.requestIdleCallback) {
				window.requestIdleCallback(link);
			} else {
				Ext.defer(link, 0);
			}
		}
		return result;
	};
};
