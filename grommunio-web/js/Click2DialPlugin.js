Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial.Click2DialPlugin
 * @extends Zarafa.core.Plugin
 *
 * Adds "Call" where grommunio-web shows contacts: the contacts and address book context menus
 * (only for entries with numbers, never for distribution lists), the contact dialog's toolbar
 * and the hover card of a mail's sender and recipients; links on the numbers in an opened mail
 * (MailBodyLinks.js), a "Numbers" tab in an opened contact and address book user; the dial box
 * in the top bar; and the "Click2Dial" settings category.
 */
Zarafa.plugins.click2dial.Click2DialPlugin = Ext.extend(Zarafa.core.Plugin, {
	initPlugin: function()
	{
		Zarafa.plugins.click2dial.Click2DialPlugin.superclass.initPlugin.apply(this, arguments);
		this.registerInsertionPoint('context.contact.contextmenu.actions', this.createContextMenuItem, this);
		// The address book's menu (global address list and contact folders): its rows carry
		// office, mobile, home and pager numbers (AddressBookRecord).
		this.registerInsertionPoint('context.addressbook.contextmenu.actions', this.createContextMenuItem, this);
		this.registerInsertionPoint('context.contact.contactcontentpanel.toolbar.actions', this.createDialogButton, this);
		// The card over a mail's sender or recipient: the numbers come from the address book.
		this.registerInsertionPoint('context.common.recipientfield.hovercardview.actions', this.createHoverCardButton, this);
		this.registerInsertionPoint('context.settings.categories', this.createSettingsCategory, this);
		this.registerInsertionPoint('context.contact.contactcontentpanel.tabs', this.createNumbersTab, this);
		this.registerInsertionPoint('context.addressbook.abuserdetailcontentpanel.tabs', this.createNumbersTab, this);
		this.registerInsertionPoint('main.maintabbar.right', this.createDialBox, this);
		Zarafa.plugins.click2dial.linkMailBodies();
	},

	/** The tab that shows an opened contact's or address book user's numbers as links. */
	createNumbersTab: function()
	{
		return { xtype: 'zarafa.click2dialentrynumberstab' };
	},

	/** The dial box on the right of the top bar, after the user's name (tabOrderIndex orders that side). */
	createDialBox: function()
	{
		// text: MainTabBar.addTooltip builds each item's tooltip from it.
		return { xtype: 'zarafa.click2dialdialbox', tabOrderIndex: 1, text: Zarafa.plugins.click2dial.t('Call a number or name') };
	},

	/** Settings -> Click2Dial: the phone PIN (stored mode). */
	createSettingsCategory: function(insertionName, settingsMainPanel, settingsContext)
	{
		return {
			xtype: 'zarafa.settingsclick2dialcategory',
			settingsContext: settingsContext
		};
	},

	/**
	 * The context menu's item. The menu has no records yet when this runs (it fills its items in
	 * its constructor): beforeShow and the handler read them.
	 */
	createContextMenuItem: function()
	{
		return {
			// The address book menu gives its items no default xtype.
			xtype: 'zarafa.conditionalitem',
			text: Zarafa.plugins.click2dial.t('Call'),
			iconCls: 'icon_click2dial',
			cls: 'click2dial_menuitem',
			singleSelectOnly: true,
			scope: this,
			beforeShow: function(item, records) {
				var visible = Ext.isArray(records) && records.length === 1 && Zarafa.plugins.click2dial.isCallable(records[0]);
				item.setVisible(visible);
			},
			handler: function(item) {
				var records = item.getRecords();
				if (Ext.isArray(records) && records.length === 1 && Zarafa.plugins.click2dial.isCallable(records[0])) {
					Zarafa.plugins.click2dial.callRecord(records[0]);
				}
			}
		};
	},

	/**
	 * The hover card's button. getRecords() is the card's one recipient (not a list); a click
	 * also closes the card.
	 */
	createHoverCardButton: function()
	{
		return {
			xtype: 'zarafa.recipienthovercardbutton',
			iconCls: 'icon_click2dial',
			cls: 'click2dial_hovercardbutton',
			tooltip: Zarafa.plugins.click2dial.t('Call'),
			overflowText: Zarafa.plugins.click2dial.t('Call'),
			handler: function(button) {
				var recipient = button.getRecords();
				if (recipient && Ext.isFunction(recipient.get)) {
					Zarafa.plugins.click2dial.callRecipient(recipient);
				}
			}
		};
	},

	/** The contact dialog's button: the record comes through recordcomponentupdaterplugin. */
	createDialogButton: function()
	{
		return {
			xtype: 'button',
			plugins: ['zarafa.recordcomponentupdaterplugin'],
			iconCls: 'icon_click2dial',
			cls: 'click2dial_dialogbutton',
			text: Zarafa.plugins.click2dial.t('Call'),
			overflowText: Zarafa.plugins.click2dial.t('Call'),
			tooltip: Zarafa.plugins.click2dial.t('Call this contact'),
			disabled: true,
			update: function(record) {
				this.record = record;
				this.setDisabled(!Zarafa.plugins.click2dial.isCallable(record));
			},
			handler: function(button) {
				if (Zarafa.plugins.click2dial.isCallable(button.record)) {
					Zarafa.plugins.click2dial.callRecord(button.record);
				}
			}
		};
	}
});

Zarafa.onReady(function() {
	container.registerPlugin(new Zarafa.core.PluginMetaData({
		name: Zarafa.plugins.click2dial.NAME,
		displayName: Zarafa.plugins.click2dial.t('Click2Dial'),
		about: Zarafa.plugins.click2dial.t('Call a contact: the PBX rings your desk phone, then connects you.'),
		pluginConstructor: Zarafa.plugins.click2dial.Click2DialPlugin
	}));
});
