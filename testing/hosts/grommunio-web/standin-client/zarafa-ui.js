/*
 * Stand-in client, part 5: the grommunio-web UI classes whose insertion points the plugin fills,
 * imitating (names are the real classes'):
 *   Zarafa.core.ui.menu.ConditionalMenu     'beforeshow' calls beforeShow(item, records) of each
 *                                           conditional item (scope: item.scope || item)
 *   Zarafa.core.ui.menu.ConditionalItem     xtype zarafa.conditionalitem; getRecords() = the
 *                                           root menu's records; singleSelectOnly & co.
 *   Zarafa.contact.ui.ContactContextMenu    context.contact.contextmenu.actions/.options
 *                                           (populated in the constructor, before records are set)
 *   Zarafa.addressbook.ui.AddressBookContextMenu  context.addressbook.contextmenu.actions
 *   Zarafa.core.ui.Toolbar / ContentPanelToolbar / Zarafa.contact.dialogs.ContactToolbar
 *                                           context.contact.contactcontentpanel.toolbar.actions
 *                                           (no argument after the name)
 *   Zarafa.core.plugins.RecordComponentUpdaterPlugin  ptype zarafa.recordcomponentupdaterplugin
 *   Zarafa.settings.ui.SettingsCategory / SettingsWidget
 *   Zarafa.common.recipientfield.ui.RecipientHoverCardView / RecipientHoverCardButton
 *                                           context.common.recipientfield.hovercardview.actions
 * Only the items around the insertion points that matter to a plugin are reproduced.
 */
Ext.namespace('Zarafa.core.ui.menu', 'Zarafa.core.plugins', 'Zarafa.contact.ui', 'Zarafa.contact.dialogs',
	'Zarafa.addressbook.ui', 'Zarafa.settings.ui', 'Zarafa.common.recipientfield.ui');

Zarafa.core.ui.menu.ConditionalItem = Ext.extend(Ext.menu.Item, {
	hideOnDisabled: true,
	singleSelectOnly: false,
	nonEmptySelectOnly: false,
	initComponent: function() {
		Zarafa.core.ui.menu.ConditionalItem.superclass.initComponent.call(this);
		// Disabled means hidden, unless the menu says otherwise (the contact menu does).
		if (this.hideOnDisabled) {
			this.enable = this.show;
			this.disable = this.hide;
		}
	},
	/** The default beforeShow: the selection filters. A config's beforeShow replaces it. */
	beforeShow: function(item) { item.applySelectionFilter(); },
	applySelectionFilter: function() {
		var records = this.getRecords();
		if (this.singleSelectOnly) {
			this.setDisabled(!Array.isArray(records) || records.length !== 1);
		}
		if (this.nonEmptySelectOnly) {
			this.setDisabled(Array.isArray(records) && records.length === 0);
		}
	},
	getRecords: function() {
		var menu = this.parentMenu || this.ownerCt;
		while (menu && (menu.parentMenu || menu.ownerCt instanceof Ext.menu.Menu)) {
			menu = menu.parentMenu || menu.ownerCt;
		}
		return menu && menu.records;
	}
});
Ext.reg('zarafa.conditionalitem', Zarafa.core.ui.menu.ConditionalItem);

/** A menu of conditional items: before it shows, each item decides about itself. */
Zarafa.core.ui.menu.ConditionalMenu = Ext.extend(Ext.menu.Menu, {
	records: undefined,
	constructor: function(config) {
		Zarafa.core.ui.menu.ConditionalMenu.superclass.constructor.call(this, config);
		this.on('beforeshow', this.onMenuBeforeShow, this);
	},
	onMenuBeforeShow: function() {
		var records = this.records;
		var anyVisible = false;
		this.items.each(function(item) {
			if (item.isXType('zarafa.conditionalitem') && Ext.isFunction(item.beforeShow)) {
				item.beforeShow.call(item.scope || item, item, records);
			}
			if (!item.isXType('menuseparator') && !item.hidden) {
				anyVisible = true;
			}
		});
		return anyVisible ? undefined : false;
	}
});
Ext.reg('zarafa.conditionalmenu', Zarafa.core.ui.menu.ConditionalMenu);

/**
 * The contacts list's context menu. records: the selected IPM.Contact and IPM.DistList rows (a
 * single record is made a list). Items get xtype zarafa.conditionalitem, hideOnDisabled false.
 */
Zarafa.contact.ui.ContactContextMenu = Ext.extend(Zarafa.core.ui.menu.ConditionalMenu, {
	constructor: function(config) {
		config = config || {};
		if (Ext.isDefined(config.records) && !Array.isArray(config.records)) {
			config.records = [config.records];
		}
		Ext.applyIf(config, {
			items: [
				{ text: _('Open'), iconCls: 'icon_open', singleSelectOnly: true },
				{ text: _('Print'), iconCls: 'icon_print', singleSelectOnly: true },
				{ xtype: 'menuseparator' },
				container.populateInsertionPoint('context.contact.contextmenu.actions', this),
				{ xtype: 'menuseparator' },
				container.populateInsertionPoint('context.contact.contextmenu.options', this),
				{ xtype: 'menuseparator' },
				{ text: _('Delete'), iconCls: 'icon_delete' }
			],
			defaults: { xtype: 'zarafa.conditionalitem', hideOnDisabled: false }
		});
		Zarafa.contact.ui.ContactContextMenu.superclass.constructor.call(this, config);
	}
});
Ext.reg('zarafa.contactcontextmenu', Zarafa.contact.ui.ContactContextMenu);

/** The address book's context menu (GAB and contact folders); its items have no defaults. */
Zarafa.addressbook.ui.AddressBookContextMenu = Ext.extend(Zarafa.core.ui.menu.ConditionalMenu, {
	constructor: function(config) {
		config = config || {};
		Ext.applyIf(config, {
			items: [
				{ xtype: 'zarafa.conditionalitem', text: _('Show Details'), iconCls: 'icon_contact', singleSelectOnly: true },
				{ xtype: 'menuseparator' },
				container.populateInsertionPoint('context.addressbook.contextmenu.actions', this),
				{ xtype: 'menuseparator' }
			]
		});
		Zarafa.addressbook.ui.AddressBookContextMenu.superclass.constructor.call(this, config);
	}
});
Ext.reg('zarafa.addressbookcontextmenu', Zarafa.addressbook.ui.AddressBookContextMenu);

/** Zarafa.core.ui.Toolbar: addItems(buttons, insertionPoint) adds both (no argument to it). */
Zarafa.core.ui.Toolbar = Ext.extend(Ext.Toolbar, {
	addItems: function(buttons, insertion) {
		var items = [].concat(buttons || []);
		if (Ext.isString(insertion)) {
			items = items.concat(container.populateInsertionPoint(insertion));
		}
		this.add(Ext.flatten(items));
	}
});

/** A dialog's toolbar: <insertionPointBase>.toolbar.actions, then .toolbar.options. */
Zarafa.core.ui.ContentPanelToolbar = Ext.extend(Zarafa.core.ui.Toolbar, {
	insertionPointBase: undefined,
	constructor: function(config) {
		Ext.apply(this, config, { cls: 'zarafa-dialogtoolbar' });
		Zarafa.core.ui.ContentPanelToolbar.superclass.constructor.call(this, config);
		this.addItems(this.actionItems, this.insertionPointBase + '.toolbar.actions');
		this.addItems(this.optionItems, this.insertionPointBase + '.toolbar.options');
	}
});

/** The contact dialog's toolbar (Save & Close, Delete, then the plugins' actions). */
Zarafa.contact.dialogs.ContactToolbar = Ext.extend(Zarafa.core.ui.ContentPanelToolbar, {
	constructor: function(config) {
		config = config || {};
		config.plugins = [].concat(config.plugins || [], 'zarafa.recordcomponentupdaterplugin');
		Ext.applyIf(config, {
			insertionPointBase: 'context.contact.contactcontentpanel',
			actionItems: [
				{ xtype: 'button', text: _('Save') + ' & ' + _('Close'), cls: 'zarafa-action', iconCls: 'icon_save_white' },
				{ xtype: 'button', overflowText: _('Delete'), iconCls: 'icon_delete' }
			],
			optionItems: []
		});
		Zarafa.contact.dialogs.ContactToolbar.superclass.constructor.call(this, config);
	}
});
Ext.reg('zarafa.contacttoolbar', Zarafa.contact.dialogs.ContactToolbar);

/**
 * Gives a component the record of the dialog it is in: update(record, true) once it is
 * rendered and whenever the dialog gets another record. The dialog is the first ancestor with a
 * recordComponentPlugin (here: with setRecord); a component outside any dialog gets no record
 * (a test calls update itself).
 */
Zarafa.core.plugins.RecordComponentUpdaterPlugin = Ext.extend(Object, {
	constructor: function(config) { Ext.apply(this, config); },
	init: function(field) {
		this.field = field;
		field.recordComponentUpdaterPlugin = this;
		field.on('afterrender', this.onReady, this, { single: true });
	},
	onReady: function() {
		for (var root = this.field.ownerCt; root; root = root.ownerCt) {
			if (root.recordComponentPlugin) {
				root.on('setrecord', function(panel, record) { this.field.update(record, true); }, this);
				if (root.record) {
					this.field.update(root.record, true);
				}
				return;
			}
		}
	}
});
Ext.preg('zarafa.recordcomponentupdaterplugin', Zarafa.core.plugins.RecordComponentUpdaterPlugin);

/** A settings category: a container with title, categoryIndex and widgets. */
Zarafa.settings.ui.SettingsCategory = Ext.extend(Ext.Container, {
	title: '',
	categoryIndex: 100
});
Ext.reg('zarafa.settingscategory', Zarafa.settings.ui.SettingsCategory);

/** A settings widget: a titled form panel; update(model) and updateSettings(model) to override. */
Zarafa.settings.ui.SettingsWidget = Ext.extend(Ext.Panel, {
	constructor: function(config) {
		config = config || {};
		Ext.applyIf(config, { cls: 'zarafa-settings-widget', layout: 'form' });
		Zarafa.settings.ui.SettingsWidget.superclass.constructor.call(this, config);
	},
	update: Ext.emptyFn,
	updateSettings: Ext.emptyFn
});
Ext.reg('zarafa.settingswidget', Zarafa.settings.ui.SettingsWidget);

/**
 * The card shown over a mail's sender or recipient. records: one IPMRecipientRecord (a list
 * gives its first); recipientView: the field it belongs to (its mouseleave hides the card).
 * Buttons: Show Details, then context.common.recipientfield.hovercardview.actions (argument:
 * the card), then Send email.
 */
Zarafa.common.recipientfield.ui.RecipientHoverCardView = Ext.extend(Ext.Window, {
	constructor: function(config) {
		config = config || {};
		if (Array.isArray(config.records)) {
			config.records = config.records[0];
		}
		var record = config.records;
		Ext.applyIf(config, {
			cls: 'k-recipient-card-view',
			width: 340,
			html: '<span class="k-hover-card-name">' + Ext.util.Format.htmlEncode(record.get('display_name') || '') + '</span> '
				+ '<span class="k-hover-card-email-text">' + Ext.util.Format.htmlEncode(record.get('smtp_address') || record.get('email_address') || '') + '</span>',
			buttons: [
				{ xtype: 'zarafa.recipienthovercardbutton', text: _('Show Details'), iconCls: 'icon_contact', hidden: !record.isResolved() },
				'->',
				container.populateInsertionPoint('context.common.recipientfield.hovercardview.actions', this),
				{ xtype: 'zarafa.recipienthovercardbutton', iconCls: 'icon_new_email' }
			]
		});
		Zarafa.common.recipientfield.ui.RecipientHoverCardView.superclass.constructor.call(this, config);
		if (this.recipientView) {
			this.recipientView.on('mouseleave', this.hide, this);
		}
	},
	showAt: function(xy) {
		this.show();
		this.el.style.left = xy[0] + 'px';
		this.el.style.top = xy[1] + 'px';
	},
	hide: function() {
		// As the real card: it expects the field it was opened from.
		this.recipientView.un('mouseleave', this.hide, this);
		return Zarafa.common.recipientfield.ui.RecipientHoverCardView.superclass.hide.call(this);
	}
});
Ext.reg('zarafa.recipienthovercardview', Zarafa.common.recipientfield.ui.RecipientHoverCardView);

/** A button of the hover card: getRecords() is the card's recipient; a click hides the card. */
Zarafa.common.recipientfield.ui.RecipientHoverCardButton = Ext.extend(Ext.Button, {
	constructor: function(config) {
		config = Ext.applyIf(config || {}, { cls: 'k-recipient-hover-card-button zarafa-normal' });
		Zarafa.common.recipientfield.ui.RecipientHoverCardButton.superclass.constructor.call(this, config);
	},
	afterRender: function() { this.parentCard = this.findParentByType('zarafa.recipienthovercardview'); },
	onClick: function(e) {
		Zarafa.common.recipientfield.ui.RecipientHoverCardButton.superclass.onClick.call(this, e);
		if (!this.disabled && this.parentCard) {
			this.parentCard.hide.defer(1, this.parentCard, [true]);
		}
	},
	getRecords: function() { return this.parentCard.records; }
});
Ext.reg('zarafa.recipienthovercardbutton', Zarafa.common.recipientfield.ui.RecipientHoverCardButton);
