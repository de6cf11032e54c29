/*
 * The contact list: one row per contact, a right click opens the context menu that
 * WebAccess' contactlistmodule builds, including the plugins' items from
 * client.module.contactlistmodule.contextmenu.buildup. Rows keep their properties in
 * itemProps[entryid], as WebAccess' list modules do: every name the server sends, so a business
 * number is there as business_telephone_number and as office_telephone_number (contacts.php).
 */

contactlistmodule.prototype = new Module;
contactlistmodule.prototype.constructor = contactlistmodule;
contactlistmodule.superclass = Module.prototype;

function contactlistmodule(id, element)
{
	if (arguments.length > 0) {
		this.init(id, element);
	}
}

contactlistmodule.prototype.init = function(id, element, contacts)
{
	contactlistmodule.superclass.init.call(this, id, element);
	this.entryids = {};
	this.itemProps = {};
	this.contacts = contacts || {};
	var self = this;
	// Plugins register their hooks on DOMContentLoaded; build the menu after them.
	window.addEventListener("DOMContentLoaded", function() {
		self.buildTopMenu();
		self.buildContextMenu();
		self.drawRows();
	});
};

/**
 * The list's top menu, as WebAccess' contactlistmodule init(): its own items, then
 * client.module.contactlistmodule.topmenu.buildup with {topmenu: menuItems}, then
 * webclient.menu.buildTopMenu(), which draws them as menu buttons (menu.js buildMenu).
 */
contactlistmodule.prototype.buildTopMenu = function()
{
	this.menuItems = [];
	this.menuItems.push(webclient.menu.createMenuItem("seperator", ""));
	this.menuItems.push(webclient.menu.createMenuItem("contact_cards", _("Cards"), _("Address Cards"), null));
	this.menuItems.push(webclient.menu.createMenuItem("contact_list", _("List"), _("List View"), null));
	webclient.pluginManager.triggerHook("client.module.contactlistmodule.topmenu.buildup", {topmenu: this.menuItems});
	webclient.menu.buildMenu(this, this.menuItems);
};

contactlistmodule.prototype.buildContextMenu = function()
{
	var items = [];
	// As every callback of WebAccess' own items (eventListContextMenuOpenMessage), Open hides the
	// menu first: the menu does not close by itself.
	items.push(webclient.menu.createMenuItem("open", _("Open"), false, function(moduleObject, element) {
		element.parentNode.style.display = "none";
		moduleObject.openItem(moduleObject.entryids[element.parentNode.elementid]);
	}));
	items.push(webclient.menu.createMenuItem("seperator", ""));
	items.push(webclient.menu.createMenuItem("delete", _("Delete"), false, null));
	webclient.pluginManager.triggerHook("client.module.contactlistmodule.contextmenu.buildup", {contextmenu: items});
	this.contextmenu = items;
};

contactlistmodule.prototype.drawRows = function()
{
	var body = this.element.getElementsByTagName("tbody")[0];
	var columns = ["display_name", "company_name", "business_telephone_number", "cellular_telephone_number", "home_telephone_number"];
	var self = this;
	var n = 0;
	for (var entryid in this.contacts) {
		var rowId = "row_" + (n++);
		this.entryids[rowId] = entryid;
		this.itemProps[entryid] = this.contacts[entryid];
		var row = document.createElement("tr");
		row.id = rowId;
		row.className = "contactrow";
		for (var c = 0; c < columns.length; c++) {
			var cell = document.createElement("td");
			cell.className = columns[c];
			cell.appendChild(document.createTextNode(this.contacts[entryid][columns[c]] || ""));
			row.appendChild(cell);
		}
		row.oncontextmenu = function(event) {
			webclient.menu.buildContextMenu(self, this.id, self.contextmenu, event.clientX, event.clientY);
			return false;
		};
		row.ondblclick = function() { self.openItem(self.entryids[this.id]); };
		body.appendChild(row);
	}
};

contactlistmodule.prototype.openItem = function(entryid)
{
	webclient.openWindow(this, "contact", DIALOG_URL + "task=contact_standard&entryid=" + encodeURIComponent(entryid));
};
