/*
 * The parts of WebAccess' webclient object that plugins use: modules, the plugin manager,
 * menus as client/widgets/menu.js and client/core/dhtml.js draw and close them, the settings
 * tree, the XML request to zarafa.php as client/core/xmlrequest.js (webclient.xmlrequest),
 * windows and translations (dgettext, _). See testing/hosts/webaccess/README.md.
 */

var webclient = {
	modules: [],
	translations: {},
	// zarafa.php?subsystem=…: which window a request comes from.
	subsystem: /dialog\.php$/.test(window.location.pathname) ? "dialog" : "webclient",
	pluginManager: new PluginManager(),

	start: function(pluginNames)
	{
		var self = this;
		// Plugins start once the page (and its translations) has loaded, as in WebAccess.
		window.addEventListener("DOMContentLoaded", function() {
			document.body.addEventListener("mouseup", function(event) { webclient.menu.checkMenuState(event); });
			self.pluginManager.init(pluginNames);
		});
	},

	addModule: function(module)
	{
		this.modules.push(module);
		return this.modules.length - 1;
	},

	getModule: function(id)
	{
		return this.modules[id];
	},

	openWindow: function(module, name, url)
	{
		return window.open(url, name, "width=520,height=360");
	}
};

webclient.menu = {
	createMenuItem: function(id, name, title, callbackfunction, shortcut, toggle, data)
	{
		return {id: id, name: name, title: title, callbackfunction: callbackfunction, shortcut: shortcut, toggle: toggle, data: data};
	},

	/**
	 * The context menu of a list row, as client/widgets/menu.js buildContextMenu: div#contextmenu
	 * carrying the row's id as elementid, each item a div#<id>.menuitem.icon_<id> with its name as
	 * text, whose click calls callbackfunction(moduleObject, element, event). Choosing an item does
	 * not close the menu: the callback hides it (element.parentNode.style.display = "none"), and
	 * the next mouseup outside it removes it (checkMenuState).
	 */
	buildContextMenu: function(moduleObject, elementid, items, posX, posY)
	{
		var open = document.getElementById("contextmenu");
		if (open) {
			open.parentNode.removeChild(open);
		}
		var menu = document.createElement("div");
		menu.id = "contextmenu";
		menu.elementid = elementid;
		// WebAccess moves the menu one pixel up and left of the pointer.
		menu.style.left = (posX - 1) + "px";
		menu.style.top = (posY - 1) + "px";
		for (var i = 0; i < items.length; i++) {
			menu.appendChild(this.buildContextMenuItem(moduleObject, items[i]));
		}
		document.body.appendChild(menu);
	},

	buildContextMenuItem: function(moduleObject, item)
	{
		var element = document.createElement("div");
		if (item.id == "seperator") {
			element.className = "icon_menuitemseperator";
			return element;
		}
		element.className = "menuitem icon_" + item.id;
		element.id = item.id;
		element.appendChild(document.createTextNode(item.name));
		if (item.callbackfunction) {
			element.addEventListener("click", function(event) {
				item.callbackfunction(moduleObject, element, event);
			});
		}
		return element;
	},

	/**
	 * As client/core/dhtml.js checkMenuState, run on every mouseup of the page: removes the
	 * context menu unless the pointer is inside it. A hidden menu has no size, so any mouseup
	 * removes it. WebAccess' lists keep it on the mouseup of the right button that opened it.
	 */
	checkMenuState: function(event)
	{
		var menu = document.getElementById("contextmenu");
		if (!menu || event.button == 2) {
			return;
		}
		var box = menu.getBoundingClientRect();
		var inside = event.clientX > box.left && event.clientX < box.left + menu.clientWidth
			&& event.clientY > box.top && event.clientY < box.top + menu.clientHeight;
		if (!inside) {
			menu.parentNode.removeChild(menu);
		}
	},

	/**
	 * A dialog's menu bar from the items window.php builds out of
	 * server.dialog.general.setup.getmenubuttons, as menu.js buildMenu/buildMenuItem: each an
	 * a#<id>.menubutton.icon.icon_<id> whose innerHTML is "&nbsp;" + name (WebAccess pastes the
	 * name in as HTML) and whose title is the item's title.
	 */
	buildMenu: function(moduleObject, items)
	{
		var bar = document.getElementById("menubar");
		for (var i = 0; i < items.length; i++) {
			if (items[i].id.indexOf("seperator") == 0) {
				var seperator = document.createElement("span");
				seperator.className = "icon_seperator";
				bar.appendChild(seperator);
				continue;
			}
			bar.appendChild(this.buildMenuItem(moduleObject, items[i]));
		}
	},

	buildMenuItem: function(moduleObject, item)
	{
		var element = document.createElement("a");
		element.className = "menubutton icon icon_" + item.id;
		element.id = item.id;
		element.title = item.title;
		element.innerHTML = "&nbsp;";
		if (item.name) {
			element.innerHTML += item.name;
		}
		if (item.callbackfunction) {
			element.addEventListener("click", function(event) {
				item.callbackfunction(moduleObject, element, event);
			});
		}
		return element;
	}
};

/** webclient.settings.get(path, default): the settings tree the main page was given. */
webclient.settings = {
	tree: {},

	get: function(path, defaultValue)
	{
		var node = this.tree;
		var steps = String(path).split("/");
		for (var i = 0; i < steps.length; i++) {
			if (steps[i] == "") {
				continue;
			}
			if (!node || typeof node != "object" || !(steps[i] in node)) {
				return defaultValue;
			}
			node = node[steps[i]];
		}
		return node;
	}
};

webclient.xmlrequest = {
	queue: [],

	addData: function(moduleObject, actionType, dataObject)
	{
		this.queue.push({module: moduleObject, type: actionType, data: dataObject});
	},

	sendRequest: function()
	{
		var doc = document.implementation.createDocument(null, "zarafa", null);
		var byModule = {};
		for (var i = 0; i < this.queue.length; i++) {
			var entry = this.queue[i];
			var id = webclient.subsystem + "_" + entry.module.id;
			if (!byModule[id]) {
				byModule[id] = doc.createElement("module");
				byModule[id].setAttribute("name", entry.module.constructor.name.toLowerCase());
				byModule[id].setAttribute("id", id);
				doc.documentElement.appendChild(byModule[id]);
			}
			var action = doc.createElement("action");
			action.setAttribute("type", entry.type);
			for (var key in entry.data) {
				var field = doc.createElement(key);
				field.appendChild(doc.createTextNode(String(entry.data[key])));
				action.appendChild(field);
			}
			byModule[id].appendChild(action);
		}
		this.queue = [];
		var request = new XMLHttpRequest();
		request.open("POST", "zarafa.php?subsystem=" + webclient.subsystem);
		// Exactly as WebAccess' client/core/xmlrequest.js; the plugin takes text/xml only.
		request.setRequestHeader("Content-Type", "text/xml;charset=utf-8;");
		request.onload = function() {
			if (request.status != 200) {
				webclient.xmlrequest.showError("HTTP Error: " + request.status + " " + request.statusText);
			} else if (request.responseXML) {
				webclient.xmlrequest.dispatch(request.responseXML);
			}
		};
		request.send(new XMLSerializer().serializeToString(doc));
	},

	/** Routes each reply <module id="subsystem_N"><action type> to module N's execute(). */
	dispatch: function(xml)
	{
		// zarafa.php's own answer, e.g. <error logon="false"> once the session has ended: shown
		// in an error box, as client/core/xmlrequest.js does; no module hears of it.
		var root = xml.documentElement;
		for (var child = root.firstChild; child; child = child.nextSibling) {
			if (child.nodeName == "error") {
				this.showError(child.textContent + (child.getAttribute("logon") == "false" ? " (Not logged on)" : ""));
			}
		}
		var modules = xml.getElementsByTagName("module");
		for (var i = 0; i < modules.length; i++) {
			var id = modules[i].getAttribute("id").split("_").pop();
			var module = webclient.getModule(parseInt(id, 10));
			var actions = modules[i].getElementsByTagName("action");
			for (var j = 0; module && j < actions.length; j++) {
				module.execute(actions[j].getAttribute("type"), actions[j]);
			}
		}
	},

	showError: function(message)
	{
		var box = document.getElementById("xmlrequest_error");
		if (!box) {
			box = document.createElement("div");
			box.id = "xmlrequest_error";
			box.className = "errorbox";
			document.body.appendChild(box);
		}
		box.textContent = message;
	}
};

function dgettext(domain, key)
{
	var messages = webclient.translations[domain];
	return messages && messages[key] ? messages[key] : key;
}

function _(key, domain)
{
	return dgettext(domain || "zarafa", key);
}
