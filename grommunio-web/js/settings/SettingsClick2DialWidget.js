Ext.namespace('Zarafa.plugins.click2dial.settings');

/**
 * @class Zarafa.plugins.click2dial.settings.SettingsClick2DialWidget
 * @extends Zarafa.settings.ui.SettingsWidget
 * @xtype zarafa.settingsclick2dialwidget
 *
 * The user's phone PIN in stored mode: whether one is stored, a field to store a new one and a
 * button to remove it. The PIN goes to the server once (module action settings {pin}); the
 * extension keeps it, and neither it nor a token of it ever comes back or goes into the
 * settings (grommunio-web writes those into every page). In the other modes there is no PIN to
 * enter, and the widget says where the password comes from, or ("none": a PBX that takes no
 * password, such as reSIProcate's clicktocall server) that none is needed.
 */
Zarafa.plugins.click2dial.settings.SettingsClick2DialWidget = Ext.extend(Zarafa.settings.ui.SettingsWidget, {
	constructor: function(config)
	{
		config = config || {};
		var t = Zarafa.plugins.click2dial.t;
		var credentials = Zarafa.plugins.click2dial.setting('credentials');
		var stored = credentials === 'stored';
		Ext.applyIf(config, {
			title: t('Phone PIN'),
			cls: 'zarafa-settings-widget click2dial_settings',
			items: [{
				xtype: 'displayfield',
				ref: 'statusField',
				cls: 'click2dial_pinstatus',
				hideLabel: true,
				value: Ext.util.Format.htmlEncode(stored ? t('Asking whether a PIN is stored...')
					: credentials === 'none' ? t('This phone system asks for no PIN: there is nothing to enter here.')
					: t('Calls use the password you logged in with; no PIN is needed here.'))
			}, {
				xtype: 'textfield',
				ref: 'pinField',
				cls: 'click2dial_pin',
				inputType: 'password',
				fieldLabel: t('New PIN'),
				autoCreate: { tag: 'input', type: 'password', autocomplete: 'new-password' },
				hidden: !stored
			}, {
				xtype: 'container',
				layout: 'hbox',
				hidden: !stored,
				items: [{
					xtype: 'button',
					cls: 'click2dial_savepin',
					text: t('Store PIN'),
					handler: this.onStore,
					scope: this
				}, {
					xtype: 'button',
					ref: '../forgetButton',
					cls: 'click2dial_forgetpin',
					text: t('Remove PIN'),
					disabled: true,
					handler: this.onForget,
					scope: this
				}]
			}]
		});
		Zarafa.plugins.click2dial.settings.SettingsClick2DialWidget.superclass.constructor.call(this, config);
		if (stored) {
			this.on('afterrender', function() { this.send({}); }, this, { single: true });
		}
	},

	onStore: function()
	{
		var pin = this.pinField.getValue();
		if (pin === '') {
			return;
		}
		// The field forgets the PIN at once: it is not kept in the page.
		this.pinField.setValue('');
		this.send({ pin: pin });
	},

	onForget: function()
	{
		this.send({ forget: true });
	},

	send: function(data)
	{
		container.getRequest().singleRequest('click2dialmodule', 'settings', data,
			new Zarafa.core.data.AbstractResponseHandler({
				doSuccess: this.showStatus.createDelegate(this),
				doError: this.showError.createDelegate(this)
			}));
	},

	showStatus: function(reply)
	{
		var t = Zarafa.plugins.click2dial.t;
		this.statusField.setValue(Ext.util.Format.htmlEncode(reply.pin_stored ? t('A PIN is stored.') : t('No PIN is stored.')));
		this.forgetButton.setDisabled(!reply.pin_stored);
	},

	showError: function(reply)
	{
		var info = (reply && reply.info) || {};
		this.statusField.setValue(Ext.util.Format.htmlEncode(Zarafa.plugins.click2dial.adviceFor(info.kind, info.detail || '')));
	}
});

Ext.reg('zarafa.settingsclick2dialwidget', Zarafa.plugins.click2dial.settings.SettingsClick2DialWidget);
