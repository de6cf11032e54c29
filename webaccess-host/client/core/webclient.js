/*
 * The parts of WebAccess' webclient object that plugins use: modules, the plugin manager,
 * menus (webclient.menu.createMenuItem; items drawn as div.menuitem.icon_<id>), the XML request
 * to zarafa.php (webclient.xmlrequest), windows and translations (dgettext, _).
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
		window.addEventListener("DOMContentLoaded", function() { self.pluginManager.init(pluginNames); });
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

	/** The context menu of a list row: its element carries the row's id as elementid. */
	showContextMenu: function(moduleObject, elementid, items, event)
	{
		this.closeContextMenu();
		var menu = document.createElement("div");
		menu.id = "contextmenu";
		menu.elementid = elementid;
		menu.style.left = event.clientX + "px";
		menu.style.top = event.clientY + "px";
		for (var i = 0; i < items.length; i++) {
			menu.appendChild(this.drawItem(moduleObject, items[i]));
		}
		document.body.appendChild(menu);
		var self = this;
		setTimeout(function() {
			document.addEventListener("click", function close() {
				document.removeEventListener("click", close);
				self.closeContextMenu();
			});
		}, 0);
	},

	drawItem: function(moduleObject, item)
	{
		var element = document.createElement("div");
		if (item.id == "seperator") {
			element.className = "menuseperator";
			return element;
		}
		element.className = "menuitem icon_" + item.id;
		element.appendChild(document.createTextNode(item.name));
		if (item.title) {
			element.title = item.title;
		}
		element.onclick = function(event) {
			if (item.callbackfunction) {
				item.callbackfunction(moduleObject, element, event);
			}
			webclient.menu.closeContextMenu();
			event.stopPropagation();
		};
		return element;
	},

	closeContextMenu: function()
	{
		var menu = document.getElementById("contextmenu");
		if (menu) {
			menu.parentNode.removeChild(menu);
		}
	},

	/** Dialog menu buttons from server.dialog.general.setup.getmenubuttons; callback is JS source. */
	drawDialogButtons: function(buttons)
	{
		var bar = document.getElementById("menubar");
		for (var i = 0; i < buttons.length; i++) {
			var button = document.createElement("button");
			button.id = "menubutton_" + buttons[i].id;
			button.className = "menubutton icon_" + buttons[i].id;
			button.title = buttons[i].title || "";
			button.appendChild(document.createTextNode(buttons[i].name));
			button.onclick = new Function("(" + buttons[i].callback + ")();");
			bar.appendChild(button);
		}
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
			if (request.responseXML) {
				webclient.xmlrequest.dispatch(request.responseXML);
			}
		};
		request.send(new XMLSerializer().serializeToString(doc));
	},

	/** Routes each reply <module id="subsystem_N"><action type> to module N's execute(). */
	dispatch: function(xml)
	{
		var modules = xml.getElementsByTagName("module");
		for (var i = 0; i < modules.length; i++) {
			var id = modules[i].getAttribute("id").split("_").pop();
			var module = webclient.getModule(parseInt(id, 10));
			var actions = modules[i].getElementsByTagName("action");
			for (var j = 0; module && j < actions.length; j++) {
				module.execute(actions[j].getAttribute("type"), actions[j]);
			}
		}
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
