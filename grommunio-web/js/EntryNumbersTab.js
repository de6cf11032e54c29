/*
 * A "Numbers" tab in an opened contact (context.contact.contactcontentpanel.tabs) and in an
 * address book user's details (context.addressbook.abuserdetailcontentpanel.tabs): the entry's
 * phone fields and, for a contact, its notes, as text to read, where the numbers the extension
 * finds are links that call (NumberLinks). grommunio-web shows the numbers themselves in text
 * fields, and a field's value cannot hold a link.
 */
Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial.EntryNumbersTab
 * @extends Ext.BoxComponent
 * @xtype zarafa.click2dialentrynumberstab
 */
Zarafa.plugins.click2dial.EntryNumbersTab = Ext.extend(Ext.BoxComponent, {
	constructor: function(config)
	{
		config = Ext.applyIf(config || {}, {
			title: Zarafa.plugins.click2dial.t('Numbers'),
			cls: 'click2dial_entrynumbers',
			autoEl: { tag: 'div' },
			autoScroll: true,
			plugins: ['zarafa.recordcomponentupdaterplugin']
		});
		Zarafa.plugins.click2dial.EntryNumbersTab.superclass.constructor.call(this, config);
	},

	/** The record of the dialog (recordcomponentupdaterplugin), shown as text, then linked. */
	update: function(record)
	{
		this.record = record;
		if (!this.rendered || !record || !Ext.isFunction(record.get)) {
			return;
		}
		var el = this.getEl();
		var root = el.dom || el;
		var doc = root.ownerDocument;
		while (root.firstChild) {
			root.removeChild(root.firstChild);
		}
		var list = root.appendChild(doc.createElement('dl'));
		Ext.each(Zarafa.plugins.click2dial.numbersOf(record), function(entry) {
			list.appendChild(doc.createElement('dt')).appendChild(doc.createTextNode(entry.label));
			list.appendChild(doc.createElement('dd')).appendChild(doc.createTextNode(entry.number));
		});
		var notes = record.get('body');
		if (Ext.isString(notes) && notes.trim() !== '') {
			var pre = root.appendChild(doc.createElement('pre'));
			pre.className = 'click2dial_notes';
			pre.appendChild(doc.createTextNode(notes));
		}
		Zarafa.plugins.click2dial.NumberLinks.link(root, Zarafa.plugins.click2dial.nameOf(record));
	},

	afterRender: function()
	{
		Zarafa.plugins.click2dial.EntryNumbersTab.superclass.afterRender.apply(this, arguments);
		if (this.record) {
			this.update(this.record);
		}
	}
});

Ext.reg('zarafa.click2dialentrynumberstab', Zarafa.plugins.click2dial.EntryNumbersTab);
