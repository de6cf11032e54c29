/*
 * The read-mail view's body, as WebAccess' client/modules/readmailitemmodule.js setBody(): a
 * plain body goes through convertPlainToHtml() into a <pre>, an HTML body as the server sent it
 * (already filtered); either is written into the iframe#html_body with document.write, then
 * client.module.readmailitemmodule.setbody.postdisplay runs with {iframedocument}. The preview
 * pane (previewreadmailitemmodule.js) calls the same setBody().
 */

readmailitemmodule.prototype = new Module;
readmailitemmodule.prototype.constructor = readmailitemmodule;
readmailitemmodule.superclass = Module.prototype;

function readmailitemmodule(id, element)
{
	if (arguments.length > 0) {
		this.init(id, element);
	}
}

/** The item reply: <item><subject/><body/><isHTML/></item>, as the server sends it. */
readmailitemmodule.prototype.item = function(action)
{
	var message = action.getElementsByTagName("item")[0];
	webclient.pluginManager.triggerHook("client.module.readmailitemmodule.item.before", {message: message});
	this.setBody(message);
};

readmailitemmodule.prototype.setBody = function(message)
{
	var html_body = document.getElementById("html_body");
	if (!html_body) {
		return;
	}
	var body = message.getElementsByTagName("body")[0];
	var isHTML = message.getElementsByTagName("isHTML")[0];
	if (!body || body.childNodes.length == 0) {
		return;
	}
	var content = "";
	for (var i = 0; i < body.childNodes.length; i++) {
		content += body.childNodes[i].nodeValue;
	}
	if (!isHTML || !isHTML.firstChild) {
		content = convertPlainToHtml(content);
		content = "<html><body><pre wrap style=\"white-space: -moz-pre-wrap; white-space: -pre-wrap; white-space: -o-pre-wrap; white-space: pre-wrap; word-wrap: break-word;\">" + content + "</pre></body></html>";
	}
	var data = {content: content};
	webclient.pluginManager.triggerHook("client.module.readmailitemmodule.setbody.predisplay", data);
	content = data["content"];
	html_body.contentWindow.document.open();
	html_body.contentWindow.document.write(content);
	html_body.contentWindow.document.close();
	webclient.pluginManager.triggerHook("client.module.readmailitemmodule.setbody.postdisplay",
		{iframedocument: html_body.contentWindow.document});
};
