/*
 * Stand-in client, part 4: records and stores with the fields of grommunio-web (reference
 * section 2.4), imitating:
 *   Zarafa.core.MessageClass.isClass          (case-insensitive; baseOnly: also sub-classes)
 *   Zarafa.core.mapi.ObjectType               (MAPI_MESSAGE 5, MAPI_MAILUSER 6, MAPI_DISTLIST 8)
 *   Zarafa.core.data.RecordFactory            createRecordObjectByMessageClass/ObjectType/CustomType
 *   Zarafa.core.data.IPMRecord                IPM.Contact, IPM.DistList rows; isMessageClass
 *   Zarafa.core.data.AddressBookRecord        GAB rows (object_type, office/mobile/home/pager)
 *   Zarafa.core.data.IPMRecipientRecord       a mail's sender/recipient: no phone fields
 *   Zarafa.contact.ContactStore, Zarafa.core.data.IPMRecipientStore (record.join(store))
 * A record holds the data it was made with; fields it was not given read as undefined.
 */
Ext.namespace('Zarafa.core.mapi', 'Zarafa.contact', 'Zarafa.addressbook');

Zarafa.core.MessageClass = {
	isClass: function(className, expected, baseOnly) {
		if (Ext.isEmpty(className)) {
			return false;
		}
		if (Array.isArray(expected)) {
			return expected.some(function(one) { return this.isClass(className, one, baseOnly); }, this);
		}
		className = className.toUpperCase();
		expected = expected.toUpperCase();
		return baseOnly === true ? className === expected || className.indexOf(expected + '.') === 0 : className === expected;
	}
};

Zarafa.core.mapi.ObjectType = { MAPI_STORE: 1, MAPI_FOLDER: 3, MAPI_MESSAGE: 5, MAPI_MAILUSER: 6, MAPI_ATTACH: 7, MAPI_DISTLIST: 8 };

/** Ext.data.Record: data, id, get/set, the store it joined. */
Ext.data.Record = Ext.extend(Object, {
	constructor: function(data, id) {
		this.data = Ext.apply({}, data);
		this.id = id;
	},
	get: function(name) { return this.data[name]; },
	set: function(name, value) { this.data[name] = value; },
	join: function(store) { this.store = store; },
	getStore: function() { return this.store; }
});

/** Ext.data.Store, as far as records and menus need one: add, getCount, each. */
Ext.data.Store = Ext.extend(Ext.util.Observable, {
	constructor: function(config) {
		Ext.data.Store.superclass.constructor.call(this, config);
		this.records = [];
	},
	add: function(records) {
		Ext.each(Ext.flatten([records]), function(record) {
			this.records.push(record);
			record.join(this);
		}, this);
	},
	getCount: function() { return this.records.length; },
	getAt: function(index) { return this.records[index]; },
	each: function(fn, scope) { Ext.each(this.records.slice(), fn, scope); }
});

/** isOpened(): true once the full record came from the server (MAPIRecord.afterOpen sets opened). */
Zarafa.core.data.MAPIRecord = Ext.extend(Ext.data.Record, {
	isOpened: function() { return this.opened === true; }
});

/** An item of a folder (mail, contact, distribution list): has a message class. */
Zarafa.core.data.IPMRecord = Ext.extend(Zarafa.core.data.MAPIRecord, {
	isMessageClass: function(className, baseOnly) {
		return Zarafa.core.MessageClass.isClass(this.get('message_class'), className, baseOnly);
	}
});
Zarafa.contact.ContactRecord = Ext.extend(Zarafa.core.data.IPMRecord, {});
Zarafa.contact.DistListRecord = Ext.extend(Zarafa.core.data.IPMRecord, {});

/** A row of the address book (GAB user or list, or a contact folder's entry there). */
Zarafa.core.data.AddressBookRecord = Ext.extend(Zarafa.core.data.MAPIRecord, {});

/**
 * A sender or recipient of a mail: display_name, smtp_address, email_address, entryid,
 * object_type, address_type, recipient_type. Resolved when it has an entryid that is not a
 * one-off (or a one-off with an SMTP address).
 */
Zarafa.core.data.IPMRecipientRecord = Ext.extend(Zarafa.core.data.MAPIRecord, {
	isOneOff: function() { return /^00000000812B1FA4BEA310199D6E00DD010F5402/i.test(this.get('entryid') || ''); },
	isResolved: function() {
		if (Ext.isEmpty(this.get('entryid'))) {
			return false;
		}
		return (!this.isOneOff() && this.get('address_type') !== 'ZARAFA') || /^[^@\s]+@[^@\s]+$/.test(this.get('smtp_address') || '');
	},
	getSenderInitials: function() {
		return (this.get('display_name') || '').split(/\s+/).map(function(word) { return word.charAt(0); }).join('').substr(0, 2).toUpperCase();
	}
});

Zarafa.core.data.RecordCustomObjectType = { ZARAFA_RECIPIENT: 'ZARAFA_RECIPIENT' };

Zarafa.core.data.RecordFactory = {
	/** A folder item: message_class is the class asked for, unless data says otherwise. */
	createRecordObjectByMessageClass: function(messageClass, data, id) {
		var cls = Zarafa.core.MessageClass.isClass(messageClass, 'IPM.Contact', true) ? Zarafa.contact.ContactRecord
			: Zarafa.core.MessageClass.isClass(messageClass, 'IPM.DistList', true) ? Zarafa.contact.DistListRecord
				: Zarafa.core.data.IPMRecord;
		return new cls(Ext.applyIf(Ext.apply({}, data), { message_class: messageClass }), id);
	},
	createRecordObjectByObjectType: function(objectType, data, id) {
		var cls = objectType === Zarafa.core.mapi.ObjectType.MAPI_MAILUSER || objectType === Zarafa.core.mapi.ObjectType.MAPI_DISTLIST
			? Zarafa.core.data.AddressBookRecord : Zarafa.core.data.MAPIRecord;
		return new cls(Ext.applyIf(Ext.apply({}, data), { object_type: objectType }), id);
	},
	createRecordObjectByCustomType: function(customType, data, id) {
		if (customType !== Zarafa.core.data.RecordCustomObjectType.ZARAFA_RECIPIENT) {
			throw new Error('stand-in client: no record type ' + customType);
		}
		return new Zarafa.core.data.IPMRecipientRecord(data, id);
	}
};

Zarafa.contact.ContactStore = Ext.extend(Ext.data.Store, {});
Zarafa.core.data.IPMRecipientStore = Ext.extend(Ext.data.Store, {});
