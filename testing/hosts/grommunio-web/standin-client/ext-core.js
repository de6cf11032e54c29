/*
 * Stand-in client, part 1: the ExtJS 3.4 core functions the click2dial plugin calls (Ext.namespace,
 * extend, apply, applyIf, each, the is* tests, String.format, Function#defer/createDelegate,
 * Ext.util.Format, Ext.util.Observable). Written for the test host from ExtJS 3.4's documented
 * behaviour; it is not ExtJS and holds none of its code. Only what the plugin and the tests use
 * is here: a plugin call that is missing fails loudly (TypeError), as it should.
 */
var Ext = { version: 'standin-3.4' };

(function() {
	var idSeed = 0;
	var readyCallbacks = [];

	/** Copies every property of config onto object; defaults first, when given. */
	Ext.apply = function(object, config, defaults) {
		if (defaults) {
			Ext.apply(object, defaults);
		}
		if (object && config && typeof config === 'object') {
			for (var key in config) {
				object[key] = config[key];
			}
		}
		return object;
	};

	/** Copies only the properties object does not have yet. */
	Ext.applyIf = function(object, config) {
		if (object && config) {
			for (var key in config) {
				if (object[key] === undefined) {
					object[key] = config[key];
				}
			}
		}
		return object;
	};

	Ext.apply(Ext, {
		emptyFn: function() {},
		isArray: function(v) { return Array.isArray(v); },
		isString: function(v) { return typeof v === 'string'; },
		isNumber: function(v) { return typeof v === 'number' && isFinite(v); },
		isBoolean: function(v) { return typeof v === 'boolean'; },
		isFunction: function(v) { return typeof v === 'function'; },
		isObject: function(v) { return !!v && Object.prototype.toString.call(v) === '[object Object]'; },
		isDefined: function(v) { return typeof v !== 'undefined'; },
		isElement: function(v) { return !!v && v.nodeType === 1; },
		/** null, undefined, an empty array and (unless allowBlank) '' are empty. */
		isEmpty: function(v, allowBlank) {
			return v === null || v === undefined || (Array.isArray(v) && !v.length) || (!allowBlank ? v === '' : false);
		},
		value: function(v, defaultValue, allowBlank) { return Ext.isEmpty(v, allowBlank) ? defaultValue : v; },
		toArray: function(list) { return Array.prototype.slice.call(list); },
		/** Flattens nested arrays (populateInsertionPoint returns them into item lists). */
		flatten: function(list) {
			var flat = [];
			(function walk(items) {
				for (var i = 0; i < items.length; i++) {
					if (Array.isArray(items[i])) { walk(items[i]); } else { flat.push(items[i]); }
				}
			})(list);
			return flat;
		},
		/** Calls fn(item, index, all) for each item of an array (or the value alone); false stops. */
		each: function(list, fn, scope) {
			if (Ext.isEmpty(list, true)) {
				return;
			}
			if (!Array.isArray(list) && !(list instanceof NodeList)) {
				list = [list];
			}
			for (var i = 0; i < list.length; i++) {
				if (fn.call(scope || list[i], list[i], i, list) === false) {
					return i;
				}
			}
		},
		/** Calls fn(key, value, object) for each own property. */
		iterate: function(object, fn, scope) {
			if (Array.isArray(object)) {
				return Ext.each(object, fn, scope);
			}
			for (var key in object) {
				if (Object.prototype.hasOwnProperty.call(object, key) && fn.call(scope || object, key, object[key], object) === false) {
					return;
				}
			}
		},
		namespace: function() {
			var last;
			Ext.each(Ext.toArray(arguments), function(name) {
				var parts = name.split('.');
				var node = window[parts[0]] = window[parts[0]] || {};
				for (var i = 1; i < parts.length; i++) {
					node = node[parts[i]] = node[parts[i]] || {};
				}
				last = node;
			});
			return last;
		},
		id: function(el, prefix) {
			var id = (prefix || 'ext-gen') + (++idSeed);
			if (el && !el.id) {
				el.id = id;
			}
			return el ? el.id : id;
		},
		urlAppend: function(url, query) {
			return query ? url + (url.indexOf('?') === -1 ? '?' : '&') + query : url;
		},
		encode: function(value) { return JSON.stringify(value); },
		decode: function(text) { return JSON.parse(text); },
		getBody: function() { return document.body; },
		/** Runs fn once the page is loaded (at once when it is). */
		onReady: function(fn, scope) {
			if (document.readyState === 'complete') {
				fn.call(scope);
			} else {
				readyCallbacks.push(function() { fn.call(scope); });
			}
		}
	});
	window.addEventListener('load', function() {
		var callbacks = readyCallbacks;
		readyCallbacks = [];
		Ext.each(callbacks, function(fn) { fn(); });
	});

	/**
	 * Ext.extend(Base, overrides): a subclass whose constructor is overrides.constructor, or one
	 * that calls Base's. Sub.superclass is Base.prototype; Sub.override adds methods.
	 */
	Ext.extend = function(Base, overrides) {
		var Sub = overrides.constructor !== Object.prototype.constructor ? overrides.constructor
			: function() { Base.apply(this, arguments); };
		var Bridge = function() {};
		Bridge.prototype = Base.prototype;
		Sub.prototype = new Bridge();
		Sub.prototype.constructor = Sub;
		Ext.apply(Sub.prototype, overrides);
		Sub.superclass = Base.prototype;
		Sub.prototype.superclass = function() { return Base.prototype; };
		Sub.override = function(more) { Ext.apply(Sub.prototype, more); };
		return Sub;
	};

	Ext.ns = Ext.namespace;
	Ext.namespace('Ext.util', 'Ext.data', 'Ext.menu', 'Ext.form', 'Ext.layout');
})();

/** String.format('{0} and {1}', a, b): the plugin's messages are built with it. */
String.format = function(format) {
	var args = Array.prototype.slice.call(arguments, 1);
	return format.replace(/\{(\d+)\}/g, function(match, index) { return args[index]; });
};

Ext.apply(Function.prototype, {
	/** Calls the function after millis ms with scope and args; returns the timer id. */
	defer: function(millis, scope, args) {
		var fn = this;
		return setTimeout(function() { fn.apply(scope || window, args || []); }, millis);
	},
	createDelegate: function(scope, args) {
		var fn = this;
		return function() { return fn.apply(scope || window, args || arguments); };
	}
});

Ext.util.Format = {
	htmlEncode: function(value) {
		return !value ? value : String(value).replace(/&/g, '&amp;').replace(/>/g, '&gt;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
	},
	capitalize: function(value) {
		return !value ? value : value.charAt(0).toUpperCase() + value.substr(1).toLowerCase();
	},
	ellipsis: function(value, length) {
		return value && value.length > length ? value.substr(0, length - 3) + '...' : value;
	}
};

/**
 * Ext.util.Observable: events by name. on/un(name, fn, scope, {single}), fireEvent (false from a
 * listener is returned), mon/mun (listen to another observable), addEvents (accepted, not needed).
 */
Ext.util.Observable = Ext.extend(Object, {
	constructor: function(config) {
		if (config && config.listeners) {
			this.on(config.listeners);
		}
	},
	addEvents: Ext.emptyFn,
	on: function(name, fn, scope, options) {
		if (typeof name === 'object') {
			var listeners = name;
			Ext.iterate(listeners, function(event, handler) {
				if (event !== 'scope' && typeof handler === 'function') {
					this.on(event, handler, listeners.scope);
				}
			}, this);
			return;
		}
		this.events = this.events || {};
		var list = this.events[name.toLowerCase()] = this.events[name.toLowerCase()] || [];
		list.push({ fn: fn, scope: scope, single: !!(options && options.single) });
	},
	un: function(name, fn, scope) {
		var list = this.events && this.events[name.toLowerCase()];
		if (list) {
			this.events[name.toLowerCase()] = list.filter(function(l) { return !(l.fn === fn && (!scope || l.scope === scope)); });
		}
	},
	fireEvent: function(name) {
		var list = this.events && this.events[name.toLowerCase()];
		var args = Array.prototype.slice.call(arguments, 1);
		if (!list) {
			return true;
		}
		var listeners = list.slice();
		for (var i = 0; i < listeners.length; i++) {
			if (listeners[i].single) {
				this.un(name, listeners[i].fn, listeners[i].scope);
			}
			if (listeners[i].fn.apply(listeners[i].scope || this, args) === false) {
				return false;
			}
		}
		return true;
	},
	mon: function(observable, name, fn, scope, options) {
		if (observable && observable.on) {
			observable.on(name, fn, scope, options);
		}
	},
	mun: function(observable, name, fn, scope) {
		if (observable && observable.un) {
			observable.un(name, fn, scope);
		}
	}
});
Ext.util.Observable.prototype.addListener = Ext.util.Observable.prototype.on;
Ext.util.Observable.prototype.removeListener = Ext.util.Observable.prototype.un;

/** The little of Ext.util.MixedCollection that menus and containers use: items, each, getCount. */
Ext.util.MixedCollection = Ext.extend(Object, {
	constructor: function() { this.items = []; },
	add: function(item) { this.items.push(item); return item; },
	each: function(fn, scope) { Ext.each(this.items.slice(), fn, scope); },
	getCount: function() { return this.items.length; },
	get: function(index) { return this.items[index]; },
	remove: function(item) { this.items = this.items.filter(function(i) { return i !== item; }); }
});
