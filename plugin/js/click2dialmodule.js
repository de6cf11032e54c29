/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * click2dialmodule: the browser side of class.click2dialmodule.php. Requests go out with
 * webclient.xmlrequest; replies come back to execute(type, action). What a reply means for the
 * user is decided by the listener (click2dial.js), so this file only speaks the protocol.
 */

click2dialmodule.prototype = new Module;
click2dialmodule.prototype.constructor = click2dialmodule;
click2dialmodule.superclass = Module.prototype;

function click2dialmodule(id, element)
{
	if (arguments.length > 0) {
		this.init(id, element);
	}
}

click2dialmodule.prototype.init = function(id, element, title, data)
{
	click2dialmodule.superclass.init.call(this, id, element, title, data);
	// An object with called(call), progressed(reply), settingsReceived(values) and
	// failed(kind, detail).
	this.listener = null;
};

click2dialmodule.prototype.execute = function(type, action)
{
	if (!this.listener) {
		return;
	}
	switch (type) {
		case "called":
			this.listener.called({
				number: click2dialXmlText(action, "number"),
				dialed: click2dialXmlText(action, "dialed"),
				user: click2dialXmlText(action, "user"),
				userExtension: click2dialXmlText(action, "user_extension"),
				placedAt: click2dialXmlText(action, "placed_at"),
				callId: click2dialXmlText(action, "call_id"),
				// The server's proof that this session placed the call; echoed by progress().
				ticket: click2dialXmlText(action, "ticket")
			});
			break;
		case "progress":
			this.listener.progressed({
				state: click2dialXmlText(action, "state"),
				// Which phone the state is about ("initiator": the user's, "destination": the
				// number's) and a failure's SIP code, where the PBX tells them.
				leg: click2dialXmlText(action, "leg"),
				code: click2dialXmlText(action, "code"),
				error: click2dialXmlText(action, "error"),
				dialed: click2dialXmlText(action, "dialed"),
				placedAt: click2dialXmlText(action, "placed_at")
			});
			break;
		case "settings":
			this.listener.settingsReceived({
				credentials: click2dialXmlText(action, "credentials"),
				confirm: click2dialXmlText(action, "confirm") == "1",
				repeatSeconds: parseInt(click2dialXmlText(action, "repeat_seconds"), 10) || 0,
				pinStored: click2dialXmlText(action, "pin_stored") == "1",
				progress: click2dialXmlText(action, "progress") == "1",
				changed: click2dialXmlText(action, "changed") == "1"
			});
			break;
		case "error":
			this.listener.failed(click2dialXmlText(action, "kind"), click2dialXmlText(action, "message"));
			break;
	}
};

click2dialmodule.prototype.call = function(number)
{
	this.send("call", {"number": number});
};

/** Asks what became of a call from called(); the server keeps its history. */
click2dialmodule.prototype.progress = function(call)
{
	this.send("progress", {
		"dialed": call.dialed,
		"placed_at": call.placedAt,
		"user": call.user,
		"user_extension": call.userExtension,
		"call_id": call.callId,
		"ticket": call.ticket
	});
};

click2dialmodule.prototype.getSettings = function()
{
	this.send("getsettings", {});
};

click2dialmodule.prototype.savePin = function(pin)
{
	this.send("savepin", {"pin": pin});
};

click2dialmodule.prototype.clearPin = function()
{
	this.send("clearpin", {});
};

click2dialmodule.prototype.send = function(type, data)
{
	webclient.xmlrequest.addData(this, type, data);
	webclient.xmlrequest.sendRequest();
};

/** The text of the first <tag> below element, or "" when there is none. */
function click2dialXmlText(element, tag)
{
	var found = element.getElementsByTagName(tag);
	if (found.length == 0 || !found[0].firstChild) {
		return "";
	}
	return found[0].firstChild.nodeValue;
}
