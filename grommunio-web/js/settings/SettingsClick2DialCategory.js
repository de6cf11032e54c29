Ext.namespace('Zarafa.plugins.click2dial.settings');

/**
 * @class Zarafa.plugins.click2dial.settings.SettingsClick2DialCategory
 * @extends Zarafa.settings.ui.SettingsCategory
 * @xtype zarafa.settingsclick2dialcategory
 *
 * The "Click2Dial" category of grommunio-web's settings.
 */
Zarafa.plugins.click2dial.settings.SettingsClick2DialCategory = Ext.extend(Zarafa.settings.ui.SettingsCategory, {
	constructor: function(config)
	{
		config = config || {};
		Ext.applyIf(config, {
			title: Zarafa.plugins.click2dial.t('Click2Dial'),
			categoryIndex: 9995,
			iconCls: 'icon_click2dial',
			xtype: 'zarafa.settingsclick2dialcategory',
			items: [{
				xtype: 'zarafa.settingsclick2dialwidget',
				settingsContext: config.settingsContext
			}]
		});
		Zarafa.plugins.click2dial.settings.SettingsClick2DialCategory.superclass.constructor.call(this, config);
	}
});

Ext.reg('zarafa.settingsclick2dialcategory', Zarafa.plugins.click2dial.settings.SettingsClick2DialCategory);
