/*
 * The demo page of the grommunio-web test host (C2D_DEMO=1, testing/demo/grommunio-web-demo):
 * the client's own UI classes that the browser tests drive, laid out for a person to click.
 * The host loads no mailbox, so the contacts, the address book row and the mail's sender are
 * records made here; everything else (menus, toolbar, hover card, settings) is the client's.
 */
Zarafa.onReady(function() {
	var enc = Ext.util.Format.htmlEncode;
	var contacts = [
		{ display_name: 'Bob Builder', business_telephone_number: '207' },
		{ display_name: 'Carol Chooser', business_telephone_number: '202', cellular_telephone_number: '0171 5550202', home_telephone_number: '(030) 12345' },
		{ display_name: 'Mallory <img src=x onerror=alert(1)>', business_telephone_number: '209' },
		{ display_name: 'No Phone', business_fax_number: '0301111' },
		{ display_name: 'Team (a distribution list)', message_class: 'IPM.DistList', business_telephone_number: '209' }
	];
	var page = document.body.appendChild(document.createElement('div'));
	page.className = 'c2d-demo';
	page.innerHTML = '<h1>click2dial in grommunio-web</h1>'
		+ '<p>Logged in as <b>' + enc(window.user.username) + '</b>. Client: ' + enc(window.version.client) + '.</p>'
		+ '<h2>Contacts (right-click one)</h2><ul class="c2d-demo-contacts"></ul>'
		+ '<h2>Global address list (right-click)</h2><ul class="c2d-demo-gab"><li>Kim Office, 208</li></ul>'
		+ '<h2>A mail from</h2><p><a href="#" class="c2d-demo-sender">Bob Example &lt;bob@example.com&gt;</a> (click: its hover card has a Call button; the number comes from the address book)</p>'
		+ '<h2>Contact dialog of Dave (toolbar)</h2><div class="c2d-demo-toolbar"></div>'
		+ '<h2>Settings</h2><div class="c2d-demo-settings"></div>';

	var showMenu = function(menu, event) {
		event.preventDefault();
		menu.showAt([event.pageX, event.pageY]);
	};
	var list = page.querySelector('.c2d-demo-contacts');
	Ext.each(contacts, function(fields, index) {
		var row = list.appendChild(document.createElement('li'));
		row.textContent = fields.display_name;
		row.addEventListener('contextmenu', function(event) {
			var record = Zarafa.core.data.RecordFactory.createRecordObjectByMessageClass(fields.message_class || 'IPM.Contact', fields, index + 1);
			record.join(new Zarafa.contact.ContactStore());
			showMenu(new Zarafa.contact.ui.ContactContextMenu({ records: [record] }), event);
		});
	});
	page.querySelector('.c2d-demo-gab li').addEventListener('contextmenu', function(event) {
		var record = Zarafa.core.data.RecordFactory.createRecordObjectByObjectType(Zarafa.core.mapi.ObjectType.MAPI_MAILUSER,
			{ display_name: 'Kim Office', office_telephone_number: '208' }, 100);
		showMenu(new Zarafa.addressbook.ui.AddressBookContextMenu({ records: [record] }), event);
	});
	page.querySelector('.c2d-demo-sender').addEventListener('click', function(event) {
		event.preventDefault();
		var recipient = Zarafa.core.data.RecordFactory.createRecordObjectByCustomType(Zarafa.core.data.RecordCustomObjectType.ZARAFA_RECIPIENT, {
			display_name: 'Bob Example', smtp_address: 'bob@example.com', email_address: 'bob@example.com', address_type: 'SMTP',
			object_type: Zarafa.core.mapi.ObjectType.MAPI_MAILUSER, entryid: '00000000DCA740C8C042101AB4B908002B2FE18201000000060000002F6F3D4578616D706C6500'
		});
		var store = new Zarafa.core.data.IPMRecipientStore();
		store.add(recipient);
		new Zarafa.common.recipientfield.ui.RecipientHoverCardView({ records: recipient, store: store, recipientView: new Ext.util.Observable() })
			.showAt([event.pageX, event.pageY + 10]);
	});

	var toolbar = new Zarafa.contact.dialogs.ContactToolbar({ renderTo: page.querySelector('.c2d-demo-toolbar'), width: 600 });
	toolbar.doLayout();
	var dave = Zarafa.core.data.RecordFactory.createRecordObjectByMessageClass('IPM.Contact', { display_name: 'Dave', home_telephone_number: '203' }, 200);
	toolbar.items.each(function(item) {
		if (item.recordComponentUpdaterPlugin && Ext.isFunction(item.update)) {
			item.update(dave, true);
		}
	});

	var settingsContext = container.getContextByName('settings');
	Ext.each(container.populateInsertionPoint('context.settings.categories', null, settingsContext), function(category) {
		if (category.xtype === 'zarafa.settingsclick2dialcategory') {
			Ext.create(Ext.apply({ renderTo: page.querySelector('.c2d-demo-settings'), width: 600 }, category)).doLayout();
		}
	});
	// The host builds no main panel to switch to: the settings are already on this page.
	container.switchContext = Ext.emptyFn;
});
