Ext.namespace('Zarafa.plugins.click2dial');

/**
 * @class Zarafa.plugins.click2dial.NumberChooser
 * @extends Ext.Window
 * @xtype zarafa.click2dialnumberchooser
 *
 * Asks which of a contact's numbers to call: one button per distinct number, with its label.
 */
Zarafa.plugins.click2dial.NumberChooser = Ext.extend(Ext.Window, {
	/** @cfg {String} contactName */
	contactName: '',
	/** @cfg {Object[]} numbers [{label, number}] */
	numbers: undefined,

	constructor: function(config)
	{
		config = config || {};
		var enc = Ext.util.Format.htmlEncode;
		var t = Zarafa.plugins.click2dial.t;
		var items = Ext.isArray(config.numbers) ? config.numbers.map(function(entry) {
			return {
				xtype: 'button',
				cls: 'click2dial_choice',
				text: enc(entry.label) + ': ' + enc(entry.number),
				number: entry.number,
				handler: this.onChoose,
				scope: this
			};
		}, this) : [];
		Ext.applyIf(config, {
			xtype: 'zarafa.click2dialnumberchooser',
			cls: 'click2dial_chooser',
			title: String.format(t('Call {0}'), enc(config.contactName || '')),
			modal: true,
			width: 320,
			autoHeight: true,
			resizable: false,
			layout: 'form',
			padding: 8,
			defaults: { anchor: '100%' },
			items: items,
			buttons: [{
				text: t('Cancel'),
				handler: this.close,
				scope: this
			}]
		});
		Zarafa.plugins.click2dial.NumberChooser.superclass.constructor.call(this, config);
	},

	onChoose: function(button)
	{
		var name = this.contactName;
		this.close();
		Zarafa.plugins.click2dial.confirmAndCall(name, button.number);
	}
});

Ext.reg('zarafa.click2dialnumberchooser', Zarafa.plugins.click2dial.NumberChooser);
