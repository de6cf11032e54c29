/*
 * Stand-in client, part 2: the ExtJS 3.4 components the plugin builds or the host's UI classes
 * need: Ext.ComponentMgr (Ext.reg/preg/create/getCmp), Ext.Component, Ext.Container (items,
 * defaults, ref, the 'form' and 'hbox' layouts), Ext.Panel, Ext.Window, Ext.Button,
 * Ext.Toolbar, Ext.menu.Menu/Item/Separator, Ext.form.DisplayField/TextField and
 * Ext.MessageBox. They render plain DOM with ExtJS's class names (x-menu-item, x-btn,
 * x-window, x-form-item, x-item-disabled), which is all the browser tests look at. A hidden
 * component is display:none, as ExtJS's x-hide-display class makes it.
 */
Ext.ComponentMgr = (function() {
	var all = {};
	var types = {};
	var ptypes = {};
	return {
		register: function(component) { all[component.id] = component; },
		unregister: function(component) { delete all[component.id]; },
		get: function(id) { return all[id]; },
		registerType: function(xtype, cls) { types[xtype] = cls; cls.prototype.xtype = xtype; },
		registerPlugin: function(ptype, cls) { ptypes[ptype] = cls; cls.prototype.ptype = ptype; },
		/** A component from a config ({xtype}), or the component itself. */
		create: function(config, defaultType) {
			if (config instanceof Ext.Component) {
				return config;
			}
			var cls = types[config.xtype || defaultType];
			if (!cls) {
				throw new Error('stand-in client: no component type ' + (config.xtype || defaultType));
			}
			return new cls(config);
		},
		createPlugin: function(config) {
			if (typeof config === 'string') {
				config = { ptype: config };
			}
			if (config.init) {
				return config;
			}
			var cls = ptypes[config.ptype];
			if (!cls) {
				throw new Error('stand-in client: no plugin type ' + config.ptype);
			}
			return new cls(config);
		}
	};
})();
Ext.reg = Ext.ComponentMgr.registerType;
Ext.preg = Ext.ComponentMgr.registerPlugin;
Ext.create = Ext.ComponentMgr.create;
Ext.getCmp = Ext.ComponentMgr.get;

/** A DOM element: tag, class names, attributes. */
Ext.standinElement = function(tag, cls, attributes) {
	var el = document.createElement(tag);
	if (cls) {
		el.className = cls;
	}
	Ext.iterate(attributes || {}, function(name, value) { el.setAttribute(name, value); });
	return el;
};

/**
 * Ext.Component: config applied onto the instance, an id (registered for Ext.getCmp; getId),
 * initComponent, plugins (ptype strings or objects, init(component)), render(container).
 */
Ext.Component = Ext.extend(Ext.util.Observable, {
	hidden: false,
	disabled: false,
	rendered: false,
	constructor: function(config) {
		config = config || {};
		Ext.apply(this, config);
		this.id = this.id || Ext.id(null, 'ext-comp-');
		Ext.ComponentMgr.register(this);
		Ext.Component.superclass.constructor.call(this, config);
		this.initComponent();
		if (this.plugins) {
			this.plugins = Ext.flatten([this.plugins]).map(function(plugin) {
				plugin = Ext.ComponentMgr.createPlugin(plugin);
				plugin.init(this);
				return plugin;
			}, this);
		}
		if (this.renderTo) {
			this.render(this.renderTo);
			delete this.renderTo;
		}
	},
	initComponent: Ext.emptyFn,
	/** The component's id (given, or made by Ext.id). */
	getId: function() {
		return this.id;
	},
	/** Builds this.el and puts it into container (an element or its id). */
	render: function(container, position) {
		if (this.rendered || this.fireEvent('beforerender', this) === false) {
			return this;
		}
		container = typeof container === 'string' ? document.getElementById(container) : container;
		this.initRef();
		this.onRender(container, position);
		this.el.id = this.id;
		if (this.cls) {
			this.el.className += ' ' + this.cls;
		}
		if (this.style && typeof this.style === 'string') {
			this.el.style.cssText += ';' + this.style;
		}
		if (this.width) {
			this.el.style.width = typeof this.width === 'number' ? this.width + 'px' : this.width;
		}
		this.rendered = true;
		if (this.hidden) {
			this.getVisibilityEl().style.display = 'none';
		}
		if (this.disabled) {
			this.onDisable();
		}
		this.afterRender(container);
		this.fireEvent('render', this);
		this.fireEvent('afterrender', this);
		return this;
	},
	/**
	 * ref 'name' sets owner.name = this, '../name' the owner's owner's; resolved when the
	 * component is rendered, once its whole chain of owners is known.
	 */
	initRef: function() {
		if (!this.ref || !this.ownerCt) {
			return;
		}
		var path = this.ref.split('/');
		var owner = this.ownerCt;
		for (var i = 0; i < path.length - 1 && owner.ownerCt; i++) {
			owner = owner.ownerCt;
		}
		owner[path[path.length - 1]] = this;
	},
	onRender: function(container, position) {
		if (!this.el) {
			this.el = Ext.standinElement('div', 'x-component');
			this.el.innerHTML = this.html || '';
		}
		container.insertBefore(this.el, position || null);
	},
	afterRender: Ext.emptyFn,
	getEl: function() { return this.el; },
	/** The element to hide: the menu's li or the form's row around the component, or its own. */
	getVisibilityEl: function() { return this.positionEl || this.el; },
	show: function() {
		if (this.fireEvent('beforeshow', this) === false) {
			return this;
		}
		this.hidden = false;
		if (this.rendered) {
			this.getVisibilityEl().style.display = '';
		}
		this.fireEvent('show', this);
		return this;
	},
	hide: function() {
		if (this.fireEvent('beforehide', this) === false) {
			return this;
		}
		this.hidden = true;
		if (this.rendered) {
			this.getVisibilityEl().style.display = 'none';
		}
		this.fireEvent('hide', this);
		return this;
	},
	setVisible: function(visible) { return visible ? this.show() : this.hide(); },
	isVisible: function() { return this.rendered && !this.hidden; },
	setDisabled: function(disabled) { return disabled ? this.disable() : this.enable(); },
	enable: function() {
		this.disabled = false;
		if (this.rendered) {
			this.onEnable();
		}
		this.fireEvent('enable', this);
		return this;
	},
	disable: function() {
		this.disabled = true;
		if (this.rendered) {
			this.onDisable();
		}
		this.fireEvent('disable', this);
		return this;
	},
	onEnable: function() { this.el.classList.remove('x-item-disabled'); },
	onDisable: function() { this.el.classList.add('x-item-disabled'); },
	focus: Ext.emptyFn,
	/** Whether the component is of xtype, or of a class that extends it. */
	isXType: function(xtype) {
		for (var proto = Object.getPrototypeOf(this); proto; proto = Object.getPrototypeOf(proto)) {
			if (Object.prototype.hasOwnProperty.call(proto, 'xtype') && proto.xtype === xtype) {
				return true;
			}
		}
		return false;
	},
	getXType: function() { return this.xtype; },
	findParentByType: function(xtype) {
		for (var parent = this.ownerCt; parent; parent = parent.ownerCt) {
			if (parent.isXType(xtype)) {
				return parent;
			}
		}
	},
	destroy: function() {
		if (this.isDestroyed || this.fireEvent('beforedestroy', this) === false) {
			return;
		}
		this.beforeDestroy();
		var el = this.positionEl || this.el;
		if (el && el.parentNode) {
			el.parentNode.removeChild(el);
		}
		Ext.ComponentMgr.unregister(this);
		this.isDestroyed = true;
		this.fireEvent('destroy', this);
	},
	beforeDestroy: Ext.emptyFn
});
Ext.reg('component', Ext.Component);
/** Ext.BoxComponent: a component with a size (autoEl: the stand-in always makes a div). */
Ext.BoxComponent = Ext.extend(Ext.Component, {});
Ext.reg('box', Ext.BoxComponent);

/**
 * Ext.Container: child components from items (configs get defaults, then defaultType),
 * rendered into the container's element by doLayout. layout 'form' puts each child in an x-form-item row with its
 * fieldLabel; 'hbox' lays them out in a row.
 */
Ext.Container = Ext.extend(Ext.Component, {
	defaultType: 'panel',
	initComponent: function() {
		Ext.Container.superclass.initComponent.call(this);
		var items = this.items;
		this.items = new Ext.util.MixedCollection();
		if (items) {
			this.add(items);
		}
	},
	/** Adds a component, a config or an array of them; returns the (last) component. */
	add: function(items) {
		var added;
		Ext.each(Ext.flatten([items]), function(item) {
			if (item === undefined || item === null) {
				return;
			}
			added = this.createChild(item);
			this.items.add(added);
			added.ownerCt = this;
			this.fireEvent('add', this, added);
			added.fireEvent('added', added, this);
		}, this);
		return added;
	},
	createChild: function(item) {
		if (typeof item === 'string') {
			item = this.lookupShortcut(item);
		}
		if (!(item instanceof Ext.Component) && this.defaults) {
			item = Ext.applyIf(Ext.apply({}, item), this.defaults);
		}
		return Ext.ComponentMgr.create(item, this.defaultType);
	},
	lookupShortcut: function(item) { return { xtype: 'box', html: item }; },
	onRender: function(container, position) {
		if (!this.el) {
			this.el = Ext.standinElement('div', 'x-container');
			this.el.innerHTML = this.html || '';
		}
		container.insertBefore(this.el, position || null);
		var layout = this.layout && (this.layout.type || this.layout);
		if (layout === 'hbox') {
			this.getLayoutTarget().style.display = 'flex';
		}
	},
	afterRender: function() { this.doLayout(); },
	getLayoutTarget: function() { return this.body || this.el; },
	/** Renders the children that are not rendered yet. */
	doLayout: function() {
		if (!this.rendered) {
			return this;
		}
		var layout = this.layout && (this.layout.type || this.layout);
		this.items.each(function(child) {
			if (!child.rendered) {
				this.renderChild(child, layout);
			} else if (child.doLayout) {
				child.doLayout();
			}
		}, this);
		this.fireEvent('afterlayout', this);
		return this;
	},
	renderChild: function(child, layout) {
		if (layout !== 'form' || !(child instanceof Ext.form.Field)) {
			child.render(this.getLayoutTarget());
			return;
		}
		var row = Ext.standinElement('div', 'x-form-item');
		if (!child.hideLabel && child.fieldLabel) {
			row.appendChild(Ext.standinElement('label', 'x-form-item-label')).textContent = child.fieldLabel;
		}
		this.getLayoutTarget().appendChild(row);
		child.positionEl = row;
		child.render(row);
	},
	destroy: function() {
		if (this.items) {
			this.items.each(function(child) { child.destroy(); });
		}
		Ext.Container.superclass.destroy.call(this);
	}
});
Ext.reg('container', Ext.Container);

/** Ext.Panel: a title bar (x-panel-header), a body and a row of buttons (x-panel-footer). */
Ext.Panel = Ext.extend(Ext.Container, {
	initComponent: function() {
		Ext.Panel.superclass.initComponent.call(this);
		if (this.buttons) {
			this.fbar = new Ext.Toolbar({ cls: 'x-panel-fbar', items: this.buttons, ownerCt: this });
		}
	},
	onRender: function(container, position) {
		this.el = Ext.standinElement('div', 'x-panel');
		if (this.title) {
			this.header = this.el.appendChild(Ext.standinElement('div', 'x-panel-header'));
			this.header.appendChild(Ext.standinElement('span', 'x-panel-header-text')).innerHTML = this.title;
		}
		this.body = this.el.appendChild(Ext.standinElement('div', 'x-panel-body'));
		if (this.html) {
			this.body.innerHTML = this.html;
		}
		Ext.Panel.superclass.onRender.call(this, container, position);
		if (this.fbar) {
			this.fbar.render(this.el.appendChild(Ext.standinElement('div', 'x-panel-footer')));
		}
	},
	setTitle: function(title) {
		this.title = title;
		if (this.header) {
			this.header.firstChild.innerHTML = title;
		}
	},
	destroy: function() {
		if (this.fbar) {
			this.fbar.destroy();
		}
		Ext.Panel.superclass.destroy.call(this);
	}
});
Ext.reg('panel', Ext.Panel);

/**
 * Ext.Window: a floating panel in the page's body (x-window), shown by show(), with a mask
 * behind it when modal; close() takes it away (destroys it).
 */
Ext.Window = Ext.extend(Ext.Panel, {
	hidden: true,
	modal: false,
	initComponent: function() {
		Ext.Window.superclass.initComponent.call(this);
	},
	onRender: function(container, position) {
		Ext.Window.superclass.onRender.call(this, container, position);
		this.el.classList.add('x-window');
		this.el.style.position = 'fixed';
		this.el.style.left = '30%';
		this.el.style.top = '20%';
		this.el.style.zIndex = '9000';
	},
	show: function() {
		if (!this.rendered) {
			this.render(document.body);
		}
		if (this.modal && !this.mask) {
			this.mask = document.body.appendChild(Ext.standinElement('div', 'ext-el-mask'));
		}
		return Ext.Window.superclass.show.call(this);
	},
	hide: function() {
		this.removeMask();
		return Ext.Window.superclass.hide.call(this);
	},
	close: function() {
		if (this.fireEvent('beforeclose', this) === false) {
			return;
		}
		this.removeMask();
		this.fireEvent('close', this);
		this.destroy();
	},
	removeMask: function() {
		if (this.mask && this.mask.parentNode) {
			this.mask.parentNode.removeChild(this.mask);
		}
		this.mask = undefined;
	}
});
Ext.reg('window', Ext.Window);

/**
 * Ext.Button: x-btn around a <button> whose content is text (HTML, as in ExtJS) after an icon
 * of iconCls. A click on an enabled button fires 'click' and calls handler(button, event).
 */
Ext.Button = Ext.extend(Ext.Component, {
	text: '',
	onRender: function(container, position) {
		this.el = Ext.standinElement('div', 'x-btn');
		this.btnEl = this.el.appendChild(Ext.standinElement('button', 'x-btn-text ' + (this.iconCls || ''), { type: 'button' }));
		this.btnEl.innerHTML = this.text || '';
		this.btnEl.addEventListener('click', this.onClick.bind(this));
		container.insertBefore(this.el, position || null);
	},
	onClick: function(e) {
		if (this.disabled) {
			return;
		}
		if (this.fireEvent('click', this, e) !== false && this.handler) {
			this.handler.call(this.scope || this, this, e);
		}
	},
	setText: function(text) {
		this.text = text;
		if (this.btnEl) {
			this.btnEl.innerHTML = text;
		}
	},
	setHandler: function(handler, scope) { this.handler = handler; this.scope = scope; },
	onEnable: function() { Ext.Button.superclass.onEnable.call(this); this.btnEl.disabled = false; },
	onDisable: function() { Ext.Button.superclass.onDisable.call(this); this.btnEl.disabled = true; }
});
Ext.reg('button', Ext.Button);

/** Ext.Toolbar: a row of buttons; '->' pushes the rest to the right, '-' is a separator. */
Ext.Toolbar = Ext.extend(Ext.Container, {
	defaultType: 'button',
	layout: 'hbox',
	onRender: function(container, position) {
		this.el = Ext.standinElement('div', 'x-toolbar');
		Ext.Toolbar.superclass.onRender.call(this, container, position);
	},
	lookupShortcut: function(item) {
		return item === '->' ? { xtype: 'box', style: 'flex: 1' } : { xtype: 'box', cls: 'xtb-sep' };
	}
});
Ext.reg('toolbar', Ext.Toolbar);

/**
 * Ext.menu.Menu: a floating list (x-menu, x-menu-list) of items, each in an
 * x-menu-list-item. showAt(xy) fires 'beforeshow' (false keeps it closed), then shows it; a
 * click on an item calls its handler and closes the menu. A context menu is made for one
 * click: hidden, it is destroyed (grommunio-web's override of Ext.menu.Menu does this).
 */
Ext.menu.Menu = Ext.extend(Ext.Container, {
	defaultType: 'menuitem',
	hidden: true,
	onRender: function(container, position) {
		this.el = Ext.standinElement('div', 'x-menu');
		this.el.style.position = 'absolute';
		this.el.style.zIndex = '15000';
		this.list = this.el.appendChild(Ext.standinElement('ul', 'x-menu-list'));
		container.insertBefore(this.el, position || null);
	},
	getLayoutTarget: function() { return this.list; },
	renderChild: function(child) {
		var li = this.list.appendChild(Ext.standinElement('li', 'x-menu-list-item'));
		child.parentMenu = this;
		child.positionEl = li;
		child.render(li);
	},
	showAt: function(xy) {
		if (this.fireEvent('beforeshow', this) === false) {
			return;
		}
		if (!this.rendered) {
			this.render(document.body);
		}
		this.el.style.left = xy[0] + 'px';
		this.el.style.top = xy[1] + 'px';
		this.hidden = false;
		this.el.style.display = '';
		this.fireEvent('show', this);
	},
	show: function() { this.showAt([0, 0]); },
	/** Hides the menu; a menu of its own (a context menu: no owner) is destroyed with it. */
	hide: function() {
		this.hidden = true;
		if (this.rendered) {
			this.el.style.display = 'none';
		}
		this.fireEvent('hide', this);
		if (!this.ownerCt && !this.parentMenu) {
			this.destroy();
		}
	}
});
Ext.reg('menu', Ext.menu.Menu);

/** Ext.menu.Item: an <a class="x-menu-item"> with its icon and text (HTML). */
Ext.menu.Item = Ext.extend(Ext.Component, {
	hideOnClick: true,
	text: '',
	onRender: function(container, position) {
		this.el = Ext.standinElement('a', 'x-menu-item', { href: '#' });
		this.el.appendChild(Ext.standinElement('img', 'x-menu-item-icon ' + (this.iconCls || ''), { alt: '', src: 'data:,' }));
		this.el.appendChild(Ext.standinElement('span', 'x-menu-item-text')).innerHTML = this.text;
		this.el.addEventListener('click', this.onClick.bind(this));
		container.insertBefore(this.el, position || null);
	},
	onClick: function(e) {
		e.preventDefault();
		if (this.disabled) {
			return;
		}
		if (this.fireEvent('click', this, e) !== false && this.handler) {
			this.handler.call(this.scope || this, this, e);
		}
		if (this.hideOnClick && this.parentMenu) {
			this.parentMenu.hide();
		}
	},
	setText: function(text) {
		this.text = text;
		if (this.el) {
			this.el.querySelector('.x-menu-item-text').innerHTML = text;
		}
	}
});
Ext.reg('menuitem', Ext.menu.Item);

Ext.menu.Separator = Ext.extend(Ext.Component, {
	onRender: function(container, position) {
		this.el = Ext.standinElement('span', 'x-menu-sep');
		container.insertBefore(this.el, position || null);
	}
});
Ext.reg('menuseparator', Ext.menu.Separator);

/** Ext.form.Field: the base of the two fields below (form layout gives it a labelled row). */
Ext.form.Field = Ext.extend(Ext.Component, {
	value: '',
	getValue: function() { return this.el ? this.el.value : this.value; },
	setValue: function(value) {
		this.value = value;
		if (this.el) {
			this.el.value = value;
		}
		return this;
	}
});

/** Ext.form.DisplayField: shows its value as HTML (x-form-display-field). */
Ext.form.DisplayField = Ext.extend(Ext.form.Field, {
	onRender: function(container, position) {
		this.el = Ext.standinElement('div', 'x-form-display-field');
		this.el.innerHTML = this.value || this.html || '';
		container.insertBefore(this.el, position || null);
	},
	getValue: function() { return this.value; },
	setValue: function(value) {
		this.value = value;
		if (this.el) {
			this.el.innerHTML = value;
		}
		return this;
	}
});
Ext.reg('displayfield', Ext.form.DisplayField);

/** Ext.form.TextField: an <input> (autoCreate gives its tag and attributes). */
Ext.form.TextField = Ext.extend(Ext.form.Field, {
	onRender: function(container, position) {
		var attributes = Ext.apply({ type: this.inputType || 'text' }, this.autoCreate || {});
		var tag = attributes.tag || 'input';
		delete attributes.tag;
		this.el = Ext.standinElement(tag, 'x-form-text x-form-field', attributes);
		this.el.value = this.value || '';
		container.insertBefore(this.el, position || null);
	}
});
Ext.reg('textfield', Ext.form.TextField);

/**
 * Ext.MessageBox: confirm(title, message, fn, scope) asks with Yes/No and calls fn('yes'|'no');
 * alert(title, message, fn, scope) with OK. The message is HTML, as in ExtJS.
 */
Ext.MessageBox = Ext.Msg = {
	buttonText: { ok: 'OK', yes: 'Yes', no: 'No', cancel: 'Cancel' },
	show: function(options) {
		var box;
		var answer = function(id) {
			return function() {
				box.close();
				if (options.fn) {
					options.fn.call(options.scope || window, id);
				}
			};
		};
		box = new Ext.Window({
			title: options.title,
			cls: 'x-window-dlg',
			modal: true,
			width: 360,
			html: '<span class="ext-mb-text">' + (options.msg || '') + '</span>',
			buttons: options.buttons.map(function(id) {
				return { text: Ext.MessageBox.buttonText[id], cls: 'x-mb-' + id, handler: answer(id) };
			})
		});
		box.show();
		return box;
	},
	confirm: function(title, msg, fn, scope) {
		return this.show({ title: title, msg: msg, fn: fn, scope: scope, buttons: ['yes', 'no'] });
	},
	alert: function(title, msg, fn, scope) {
		return this.show({ title: title, msg: msg, fn: fn, scope: scope, buttons: ['ok'] });
	}
};

/** Tooltips are left out: QuickTips.init() is accepted and does nothing. */
Ext.QuickTips = { init: Ext.emptyFn };
