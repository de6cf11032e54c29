Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial.Click2DialResponseHandler
 * @extends Zarafa.core.data.AbstractResponseHandler
 *
 * Handles the reply to a call or progress request: hands it to the call's notice.
 */
Zarafa.plugins.click2dial.Click2DialResponseHandler = Ext.extend(Zarafa.core.data.AbstractResponseHandler, {
	/**
	 * @cfg {Zarafa.plugins.click2dial.CallNotice} notice The notice of the call this is about.
	 */
	notice: undefined,

	/** sendFeedback(true, ...) on the server. */
	doSuccess: function(response)
	{
		if (Ext.isDefined(response.state)) {
			this.notice.onProgress(response);
		} else {
			this.notice.onPlaced(response);
		}
	},

	/** sendFeedback(false, ...): {type, info: {kind, detail, display_message}}. */
	doError: function(response)
	{
		var info = (response && response.info) || {};
		this.notice.onError(info.kind || 'internal', info.detail || '');
	},

	/** The request failed on its way (network, server error page). */
	responseFailure: function()
	{
		this.notice.onError('unreachable', '');
	}
});
