/*
 * Stand-in client, part 3: grommunio-web's core objects as a plugin meets them, imitated from
 * grommunio-web's documented behaviour (shared/reference/grommunio-web-plugin-api.md, sections
 * 2.1, 2.2, 2.6-2.8) and from reading its client (which this is not a copy of):
 *   Zarafa.onReady/fireReady/initializeGlobals   client/zarafa/Zarafa.js
 *   Zarafa.core.Container (the global container) client/zarafa/core/Container.js
 *   Zarafa.core.Plugin, Zarafa.core.PluginMetaData, Zarafa.core.Context
 *   Zarafa.settings.SettingsModel                get(path) on the page's settings tree
 *   Zarafa.core.Request, Zarafa.core.ResponseRouter, Zarafa.core.data.AbstractResponseHandler
 *   Zarafa.core.ui.notifier.Notifier and its ToastPlugin (the 'toast' notifier)
 */
Ext.namespace('Zarafa.core.data', 'Zarafa.core.ui.notifier', 'Zarafa.settings', 'Zarafa.plugins');

Ext.apply(Zarafa, {
	isReady: false,
	readyCallbacks: [],
	/** Plugins register from here; after fireReady a new callback runs at once. */
	onReady: function(fn, scope) {
		Zarafa.readyCallbacks.push({ fn: fn, scope: scope });
		if (Zarafa.isReady) {
			Zarafa.fireReady();
		}
	},
	fireReady: function() {
		Zarafa.isReady = true;
		var callbacks = Zarafa.readyCallbacks;
		Zarafa.readyCallbacks = [];
		Ext.each(callbacks, function(callback) { callback.fn.call(callback.scope || window); });
	},
	/** The global container, from the page's globals settings, serverconfig and user. */
	initializeGlobals: function() {
		window.container = new Zarafa.core.Container();
		container.registerContext(new Zarafa.core.Context({ name: 'mail' }));
		container.registerContext(new Zarafa.core.Context({ name: 'settings' }));
		container.registerNotifierPlugins();
	}
});

Zarafa.core.data.StatefulObservable = Ext.extend(Ext.util.Observable, {});

/** The settings tree of the page (global `settings`): get('zarafa/v1/plugins/click2dial/x'). */
Zarafa.settings.SettingsModel = Ext.extend(Ext.util.Observable, {
	constructor: function(tree) {
		this.tree = tree || {};
		Zarafa.settings.SettingsModel.superclass.constructor.call(this);
	},
	get: function(path) {
		var node = this.tree;
		var parts = path.split('/');
		for (var i = 0; i < parts.length; i++) {
			if (node === null || typeof node !== 'object' || !(parts[i] in node)) {
				return undefined;
			}
			node = node[parts[i]];
		}
		return node;
	},
	/** Changes the page's copy only (the real model saves through settingsmodule). */
	set: function(path, value) {
		var parts = path.split('/');
		var node = this.tree;
		for (var i = 0; i < parts.length - 1; i++) {
			node = node[parts[i]] = node[parts[i]] || {};
		}
		node[parts[parts.length - 1]] = value;
	},
	beginEdit: Ext.emptyFn,
	endEdit: Ext.emptyFn
});

/**
 * Zarafa.core.Plugin: the constructor applies the config ({info}) and calls initPlugin();
 * registerInsertionPoint(name or RegExp, fn, scope); getComponents(name, args...) is what
 * container.populateInsertionPoint asks every enabled plugin.
 */
Zarafa.core.Plugin = Ext.extend(Zarafa.core.data.StatefulObservable, {
	constructor: function(config) {
		Ext.apply(this, config);
		Zarafa.core.Plugin.superclass.constructor.call(this, config);
		this.insertionPoints = [];
		this.initPlugin();
	},
	initPlugin: Ext.emptyFn,
	getName: function() { return this.info.getName(); },
	getDisplayName: function() { return this.info.getDisplayName(); },
	getSettingsBase: function() { return this.info.getSettingsBase(); },
	registerInsertionPoint: function(match, createFunction, scope) {
		this.insertionPoints.push({ match: match, createFunction: createFunction, scope: scope || this });
	},
	getComponents: function(name) {
		var args = Ext.toArray(arguments);
		var components = [];
		Ext.each(this.insertionPoints, function(point) {
			var matches = point.match instanceof RegExp ? point.match.test(name) : point.match === name;
			if (matches) {
				var made = point.createFunction.apply(point.scope, args);
				if (made !== undefined && made !== null) {
					components = components.concat(made);
				}
			}
		});
		return components;
	}
});

/** Zarafa.core.Context: a plugin with a name and a model (settings: beforesavesettings...). */
Zarafa.core.Context = Ext.extend(Zarafa.core.Plugin, {
	getName: function() { return this.name; },
	getModel: function() {
		this.model = this.model || new Ext.util.Observable();
		return this.model;
	}
});

/**
 * Zarafa.core.PluginMetaData: name, displayName, settingsName (= name), allowUserDisable,
 * pluginConstructor. Enabled when zarafa/v1/plugins/<settingsName>/enable is true.
 */
Zarafa.core.PluginMetaData = Ext.extend(Object, {
	allowUserDisable: true,
	constructor: function(config) {
		Ext.apply(this, config);
		this.displayName = this.displayName || this.name;
		this.settingsName = this.settingsName || this.name;
	},
	getName: function() { return this.name; },
	getDisplayName: function() { return this.displayName; },
	getAbout: function() { return this.about; },
	getSettingsBase: function() { return 'zarafa/v1/plugins/' + this.settingsName; },
	isEnabled: function() {
		return !this.allowUserDisable || container.getSettingsModel().get(this.getSettingsBase() + '/enable') === true;
	},
	getInstance: function() {
		this.instance = this.instance || new this.pluginConstructor({ info: this });
		return this.instance;
	}
});

/**
 * Zarafa.core.Container, the global `container`: plugins (only enabled ones are made),
 * contexts, insertion points, settings, the request, the notifier and the user.
 */
Zarafa.core.Container = Ext.extend(Ext.util.Observable, {
	constructor: function() {
		Zarafa.core.Container.superclass.constructor.call(this);
		this.plugins = [];
		this.pluginsMetaData = [];
		this.contexts = [];
		this.settingsModel = new Zarafa.settings.SettingsModel(window.settings);
		this.request = new Zarafa.core.Request();
		this.responseRouter = new Zarafa.core.ResponseRouter();
		this.notifier = new Zarafa.core.ui.notifier.Notifier();
	},
	registerPlugin: function(info) {
		var always = String((window.serverconfig && serverconfig.always_enabled_plugins) || '').split(';');
		if (always.indexOf(info.name) >= 0) {
			info.allowUserDisable = false;
		}
		this.pluginsMetaData.push(info);
		if (info.isEnabled()) {
			this.plugins.push(info.getInstance());
		}
	},
	registerContext: function(context) {
		this.contexts.push(context);
		this.plugins.push(context);
	},
	getPlugins: function() { return this.plugins; },
	getPluginByName: function(name) {
		return this.plugins.filter(function(plugin) { return plugin.getName() === name; })[0];
	},
	getContextByName: function(name) {
		return this.contexts.filter(function(context) { return context.getName() === name; })[0];
	},
	getCurrentContext: function() { return this.currentContext || this.contexts[0]; },
	/** Shows another context (the real one swaps the main panel; here only the choice is kept). */
	switchContext: function(context) {
		var previous = this.getCurrentContext();
		this.currentContext = context;
		this.fireEvent('contextswitch', this.currentContext, previous);
	},
	/** Asks every plugin for its components of an insertion point; one flat list. */
	populateInsertionPoint: function(name) {
		var args = Ext.toArray(arguments);
		var items = [];
		Ext.each(this.plugins, function(plugin) {
			Ext.each(plugin.getComponents.apply(plugin, args), function(component) {
				component.plugin = plugin;
				items.push(component);
			});
		});
		return Ext.flatten(items);
	},
	getSettingsModel: function() { return this.settingsModel; },
	getRequest: function() { return this.request; },
	getResponseRouter: function() { return this.responseRouter; },
	getNotifier: function() { return this.notifier; },
	/** The real one returns a Zarafa.core.data.User made from the global user; the plugin does not ask. */
	getUser: function() { return window.user; },
	registerNotifierPlugins: function() {
		this.notifier.registerPlugin('toast', new Zarafa.core.ui.notifier.ToastPlugin());
	}
});

/** Zarafa.core.data.AbstractResponseHandler: handle(action, data) calls do<Action>(data). */
Zarafa.core.data.AbstractResponseHandler = Ext.extend(Object, {
	constructor: function(config) { Ext.apply(this, config); },
	start: Ext.emptyFn,
	done: Ext.emptyFn,
	responseFailure: Ext.emptyFn,
	handle: function(action, data) {
		var handler = this['do' + Ext.util.Format.capitalize(action)];
		if (Ext.isFunction(handler)) {
			return handler.call(this, data);
		}
	}
});

/**
 * Zarafa.core.Request: singleRequest(module, action, data, handler) POSTs
 * {"zarafa":{module:{module<n>:{action:data}}}} as JSON to grommunio.php?subsystem=webapp_<ms>
 * (one subsystem per tab); the handler is kept under the request id <module><n>.
 */
Zarafa.core.Request = Ext.extend(Ext.util.Observable, {
	constructor: function() {
		Zarafa.core.Request.superclass.constructor.call(this);
		this.requestIdBase = 0;
		this.subSystemId = 'webapp_' + new Date().getTime();
	},
	getRequestId: function(prefix) { return (prefix || 'z-gen') + (++this.requestIdBase); },
	singleRequest: function(moduleName, actionType, actionData, responseHandler) {
		var requestId = this.getRequestId(moduleName);
		var body = { zarafa: {} };
		body.zarafa[moduleName] = {};
		body.zarafa[moduleName][requestId] = {};
		body.zarafa[moduleName][requestId][actionType] = actionData || {};
		if (responseHandler) {
			container.getResponseRouter().addRequestResponseHandler(requestId, responseHandler);
		}
		this.send(body, [requestId]);
		return requestId;
	},
	send: function(body, requestIds) {
		var xhr = new XMLHttpRequest();
		xhr.open('POST', Ext.urlAppend('grommunio.php', 'subsystem=' + this.subSystemId), true);
		xhr.setRequestHeader('Content-Type', 'application/json; charset=utf-8;');
		xhr.onreadystatechange = function() {
			if (xhr.readyState !== 4) {
				return;
			}
			var router = container.getResponseRouter();
			if (xhr.status === 200) {
				router.receive(Ext.decode(xhr.responseText));
			} else if (xhr.status === 500) {
				router.receiveFailure(requestIds, xhr);
			}
			// Other statuses: the real client holds the request for a retry once the
			// connection is back (401 paralyses it); none of it reaches the handler.
		};
		xhr.send(Ext.encode(body));
	}
});

/**
 * Zarafa.core.ResponseRouter: a reply is routed by request id (whatever the module's casing);
 * each action of it goes to handler.handle(action, data). {"zarafa":{"error":...}} is the core's
 * business (no handler sees it); a 500 calls handler.responseFailure(xhr).
 */
Zarafa.core.ResponseRouter = Ext.extend(Ext.util.Observable, {
	constructor: function() {
		Zarafa.core.ResponseRouter.superclass.constructor.call(this);
		this.handlers = {};
	},
	addRequestResponseHandler: function(id, handler) { this.handlers[id] = handler; },
	takeHandler: function(id) {
		var handler = this.handlers[id];
		delete this.handlers[id];
		return handler;
	},
	receive: function(data) {
		if (!data || !data.zarafa || data.zarafa.error) {
			return;
		}
		Ext.iterate(data.zarafa, function(moduleName, modules) {
			Ext.iterate(modules, function(requestId, actions) {
				var handler = this.takeHandler(requestId);
				if (!handler || handler.start(moduleName, requestId, actions) === false) {
					return;
				}
				var success = true;
				Ext.iterate(actions, function(action, actionData) {
					if (handler.handle(action, actionData) === false) {
						success = false;
					}
				});
				handler.done(success);
			}, this);
		}, this);
	},
	receiveFailure: function(requestIds, xhr) {
		Ext.each(requestIds, function(id) {
			var handler = this.takeHandler(id);
			if (handler) {
				handler.responseFailure(xhr);
			}
		}, this);
	}
});

/**
 * Zarafa.core.ui.notifier.Notifier: notify(category, title, message, config) goes to the plugin
 * that setting zarafa/v1/main/notifier/<category as path>/value names, else the parent
 * category's, down to zarafa/v1/main/notifier/default.
 */
Zarafa.core.ui.notifier.Notifier = Ext.extend(Object, {
	constructor: function() { this.availablePlugins = {}; },
	registerPlugin: function(name, plugin) { this.availablePlugins[name] = this.availablePlugins[name] || plugin; },
	getPlugin: function(category) {
		var path = 'zarafa/v1/main/notifier/' + category.replace(/\./g, '/') + (category !== 'default' ? '/value' : '');
		var plugin = this.availablePlugins[container.getSettingsModel().get(path)];
		if (plugin || category === 'default') {
			return plugin;
		}
		var dot = category.lastIndexOf('.');
		return this.getPlugin(dot > 0 ? category.substr(0, dot) : 'default');
	},
	notify: function(category, title, message, config) {
		category = category.toLowerCase();
		var plugin = this.getPlugin(category);
		return plugin ? plugin.notify(category, title, message, config) : undefined;
	}
});

/**
 * The toast notifier (grommunio-web 3.x): one toast at a time in #grommunio-toast-container.
 * A toast is div.grommunio-toast.grommunio-toast-<info|warning|error> with
 * .grommunio-toast-title (text), .grommunio-toast-message (HTML) and a close button
 * .grommunio-toast-close. notify() returns the toast element. {update, reference} changes the
 * message of a toast still shown (a closed one: a new toast); {destroy, reference} closes it.
 * Errors and {persistent} stay; others go after 5 s (warnings 8 s). Closing adds
 * grommunio-toast-exit, then takes the toast out of the page. The notifier tells no one.
 */
Zarafa.core.ui.notifier.ToastPlugin = Ext.extend(Object, {
	constructor: function() { this.active = []; },
	severity: function(category) {
		return category.indexOf('error') === 0 ? 'error' : category.indexOf('warning') === 0 ? 'warning' : 'info';
	},
	notify: function(category, title, message, config) {
		config = config || {};
		if (config.reference && config.destroy) {
			this.dismiss(config.reference);
			return;
		}
		if (config.reference && config.update && this.active.indexOf(config.reference) >= 0) {
			this.fill(config.reference, title, message);
			return config.reference;
		}
		Ext.each(this.active.slice(), function(toast) { this.remove(toast); }, this);
		var toast = this.build(this.severity(category), title, message, config);
		this.container().appendChild(toast);
		this.active.push(toast);
		return toast;
	},
	container: function() {
		var ct = document.getElementById('grommunio-toast-container');
		if (!ct) {
			ct = document.body.appendChild(Ext.standinElement('div', 'grommunio-toast-container', { id: 'grommunio-toast-container', role: 'status' }));
		}
		return ct;
	},
	build: function(severity, title, message, config) {
		var toast = Ext.standinElement('div', 'grommunio-toast grommunio-toast-' + severity + ' grommunio-toast-visible');
		var body = toast.appendChild(Ext.standinElement('div', 'grommunio-toast-body'));
		body.appendChild(Ext.standinElement('div', 'grommunio-toast-title'));
		body.appendChild(Ext.standinElement('div', 'grommunio-toast-message'));
		var close = toast.appendChild(Ext.standinElement('div', 'grommunio-toast-close', { role: 'button' }));
		close.innerHTML = '&times;';
		close.addEventListener('click', this.dismiss.bind(this, toast));
		this.fill(toast, title, message);
		if (!config.persistent && severity !== 'error') {
			toast.dismissTimer = setTimeout(this.dismiss.bind(this, toast), severity === 'warning' ? 8000 : 5000);
		}
		return toast;
	},
	fill: function(toast, title, message) {
		if (title) {
			toast.querySelector('.grommunio-toast-title').textContent = title;
		}
		if (message) {
			toast.querySelector('.grommunio-toast-message').innerHTML = message;
		}
	},
	/** Closing: the exit class at once, out of the page a moment later (its animation). */
	dismiss: function(toast) {
		if (this.active.indexOf(toast) < 0) {
			return;
		}
		clearTimeout(toast.dismissTimer);
		toast.classList.remove('grommunio-toast-visible');
		toast.classList.add('grommunio-toast-exit');
		setTimeout(this.remove.bind(this, toast), 300);
	},
	remove: function(toast) {
		clearTimeout(toast.dismissTimer);
		this.active = this.active.filter(function(t) { return t !== toast; });
		if (toast.parentNode) {
			toast.parentNode.removeChild(toast);
		}
	}
});
