<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The dial box's name search: the entries whose display name holds the typed text, with their
 * phone numbers, in the logged-in user's contact folders and the global address book, found
 * the way WebAccess' own address book finds them, through the session WebAccess has opened:
 * - contact folders (server/core/class.operations.php getAddressbookHierarchy() for the user's
 *   own store): the default contacts folder (PR_IPM_CONTACT_ENTRYID of the store's root
 *   folder) first, then every folder below the IPM subtree (hierarchy table, CONVENIENT_DEPTH)
 *   whose PR_CONTAINER_CLASS begins with IPF.Contact, subfolders included, but none below
 *   Deleted Items (PR_IPM_WASTEBASKET_ENTRYID); in each, only IPM.Contact items
 *   (server/modules/class.addressbooklistmodule.php messageList());
 * - the global address book: mapi_ab_getdefaultdir(), its contents table (GABUsers());
 * each restricted with RES_CONTENT FL_SUBSTRING | FL_IGNORECASE on PR_DISPLAY_NAME (MAPI takes
 * the text literally: no character of it is special), sorted by name, at most MAX_ROWS rows
 * read per table. Only names and phone numbers are read. WebAccess does not make the MAPI
 * extension throw: a call that fails returns false (an address book that cannot be opened,
 * its error code), and the source is then reported as not searchable.
 */
class click2dialdirectory
{
	// Rows read per table: more than the dial box lists, for the rows without numbers.
	const MAX_ROWS = 50;
	// Contact folders searched: the default one first.
	const MAX_FOLDERS = 20;

	/**
	 * A contact's phone properties, named as WebAccess' Properties::getContactProperties() names
	 * them, in the order the dial box lists them. No fax numbers.
	 */
	static function contactPhones()
	{
		return array(
			'business_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER,
			'business2_telephone_number' => PR_BUSINESS2_TELEPHONE_NUMBER,
			'cellular_telephone_number' => PR_CELLULAR_TELEPHONE_NUMBER,
			'car_telephone_number' => PR_CAR_TELEPHONE_NUMBER,
			'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER,
			'home2_telephone_number' => PR_HOME2_TELEPHONE_NUMBER,
			'assistant_telephone_number' => PR_ASSISTANT_TELEPHONE_NUMBER,
			'callback_telephone_number' => PR_CALLBACK_TELEPHONE_NUMBER,
			'company_telephone_number' => PR_COMPANY_MAIN_PHONE_NUMBER,
			'primary_telephone_number' => PR_PRIMARY_TELEPHONE_NUMBER,
			'isdn_number' => PR_ISDN_NUMBER,
			'radio_telephone_number' => PR_RADIO_TELEPHONE_NUMBER,
			'pager_telephone_number' => PR_PAGER_TELEPHONE_NUMBER,
			'ttytdd_telephone_number' => PR_TTYTDD_PHONE_NUMBER,
			'telex_telephone_number' => PR_TELEX_NUMBER,
			'other_telephone_number' => PR_OTHER_TELEPHONE_NUMBER,
		);
	}

	/** A GAB user's phone properties, as getAddressBookItemMailuserProperties() names them. No fax. */
	static function gabPhones()
	{
		return array(
			'business_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER,
			'business2_telephone_number' => PR_BUSINESS2_TELEPHONE_NUMBER,
			'mobile_telephone_number' => PR_MOBILE_TELEPHONE_NUMBER,
			'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER,
			'home2_telephone_number' => PR_HOME2_TELEPHONE_NUMBER,
			'pager_telephone_number' => PR_PAGER_TELEPHONE_NUMBER,
		);
	}

	/** Whether MAPI and WebAccess' session are there (the constants this file needs included). */
	static function available()
	{
		foreach (array('RES_AND', 'RES_CONTENT', 'RES_PROPERTY', 'RELOP_EQ', 'RELOP_NE', 'FL_SUBSTRING', 'FL_PREFIX',
			'FL_IGNORECASE', 'CONVENIENT_DEPTH', 'TABLE_SORT_ASCEND', 'PR_ENTRYID', 'PR_DISPLAY_NAME', 'PR_MESSAGE_CLASS',
			'PR_CONTAINER_CLASS', 'PR_IPM_SUBTREE_ENTRYID', 'PR_IPM_WASTEBASKET_ENTRYID', 'PR_IPM_CONTACT_ENTRYID',
			'PR_TTYTDD_PHONE_NUMBER', 'PR_COMPANY_MAIN_PHONE_NUMBER', 'PR_TELEX_NUMBER', 'PR_ISDN_NUMBER') as $name) {
			if (!defined($name)) {
				return false;
			}
		}
		return isset($GLOBALS['mapisession']) && function_exists('mapi_table_queryrows');
	}

	/**
	 * [['name', 'source' => 'contacts', 'numbers' => [field => number]], ...] in the user's
	 * contact folders, by name per folder; null when the store cannot be searched.
	 */
	static function inContacts($query)
	{
		$store = self::available() ? $GLOBALS['mapisession']->getDefaultMessageStore() : false;
		if (!self::opened($store)) {
			return null;
		}
		$restriction = array(RES_AND, array(
			array(RES_PROPERTY, array(RELOP => RELOP_EQ, ULPROPTAG => PR_MESSAGE_CLASS, VALUE => array(PR_MESSAGE_CLASS => 'IPM.Contact'))),
			self::nameHolds($query),
		));
		$entries = array();
		foreach (self::contactFolders($store) as $entryid) {
			$folder = mapi_msgstore_openentry($store, $entryid);
			$table = self::opened($folder) ? mapi_folder_getcontentstable($folder, MAPI_DEFERRED_ERRORS) : false;
			if (self::opened($table)) {
				$entries = array_merge($entries, self::entries($table, $restriction, self::contactPhones(), 'contacts'));
			}
		}
		return $entries;
	}

	/** The same from the global address book, source 'gab'; null when it cannot be searched. */
	static function inGlobalAddressBook($query)
	{
		$book = self::available() ? $GLOBALS['mapisession']->getAddressbook() : false;
		$gab = self::opened($book) ? mapi_ab_openentry($book, mapi_ab_getdefaultdir($book)) : false;
		$table = self::opened($gab) ? mapi_folder_getcontentstable($gab) : false;
		return self::opened($table) ? self::entries($table, self::nameHolds($query), self::gabPhones(), 'gab') : null;
	}

	/** Whether a MAPI call gave an object: not false, nor (getAddressbook()) an error code. */
	static function opened($object)
	{
		return $object !== false && $object !== null && !is_int($object);
	}

	/** RES_CONTENT: the display name holds the text, in any case. */
	static function nameHolds($query)
	{
		return array(RES_CONTENT, array(FUZZYLEVEL => FL_SUBSTRING | FL_IGNORECASE, ULPROPTAG => PR_DISPLAY_NAME, VALUE => $query));
	}

	/** The restricted table's first MAX_ROWS rows by name, those with a number. */
	static function entries($table, array $restriction, array $phones, $source)
	{
		if (!mapi_table_restrict($table, $restriction, TBL_BATCH) || !mapi_table_sort($table, array(PR_DISPLAY_NAME => TABLE_SORT_ASCEND), TBL_BATCH)) {
			return array();
		}
		$rows = mapi_table_queryrows($table, array_merge(array(PR_DISPLAY_NAME), array_values($phones)), 0, self::MAX_ROWS);
		$entries = array();
		foreach (is_array($rows) ? $rows : array() as $row) {
			$numbers = array();
			foreach ($phones as $field => $tag) {
				if (isset($row[$tag]) && is_string($row[$tag]) && trim($row[$tag]) !== '') {
					$numbers[$field] = trim($row[$tag]);
				}
			}
			if ($numbers) {
				$entries[] = array('name' => isset($row[PR_DISPLAY_NAME]) ? (string) $row[PR_DISPLAY_NAME] : '', 'source' => $source,
					'numbers' => $numbers);
			}
		}
		return $entries;
	}

	/** The entry ids of the user's contact folders, the default one first, at most MAX_FOLDERS. */
	static function contactFolders($store)
	{
		$root = mapi_msgstore_openentry($store);
		$default = self::opened($root) ? mapi_getprops($root, array(PR_IPM_CONTACT_ENTRYID)) : false;
		$folders = isset($default[PR_IPM_CONTACT_ENTRYID]) ? array($default[PR_IPM_CONTACT_ENTRYID]) : array();
		$props = mapi_getprops($store, array(PR_IPM_SUBTREE_ENTRYID, PR_IPM_WASTEBASKET_ENTRYID));
		if (isset($props[PR_IPM_SUBTREE_ENTRYID])) {
			// All of the deleted ones (as WebAccess reads them), else some would be searched.
			$deleted = isset($props[PR_IPM_WASTEBASKET_ENTRYID])
				? self::contactFoldersBelow($store, $props[PR_IPM_WASTEBASKET_ENTRYID], array(), 0x7fffffff) : array();
			$folders = array_merge($folders, self::contactFoldersBelow($store, $props[PR_IPM_SUBTREE_ENTRYID], $deleted, self::MAX_FOLDERS));
		}
		return array_slice(array_values(array_unique($folders)), 0, self::MAX_FOLDERS);
	}

	/** The first $limit contact folders anywhere below a folder, but those in $except (the deleted ones). */
	static function contactFoldersBelow($store, $entryid, array $except, $limit)
	{
		$folder = mapi_msgstore_openentry($store, $entryid);
		$table = self::opened($folder) ? mapi_folder_gethierarchytable($folder, CONVENIENT_DEPTH) : false;
		if (!self::opened($table)) {
			return array();
		}
		$restriction = array(RES_CONTENT, array(FUZZYLEVEL => FL_PREFIX | FL_IGNORECASE, ULPROPTAG => PR_CONTAINER_CLASS,
			VALUE => array(PR_CONTAINER_CLASS => 'IPF.Contact')));
		$notDeleted = array();
		foreach ($except as $deleted) {
			$notDeleted[] = array(RES_PROPERTY, array(RELOP => RELOP_NE, ULPROPTAG => PR_ENTRYID, VALUE => array(PR_ENTRYID => $deleted)));
		}
		if ($notDeleted) {
			$restriction = array(RES_AND, array(array(RES_AND, $notDeleted), $restriction));
		}
		if (!mapi_table_restrict($table, $restriction, TBL_BATCH)) {
			return array();
		}
		$rows = mapi_table_queryrows($table, array(PR_ENTRYID), 0, $limit);
		$entryids = array();
		foreach (is_array($rows) ? $rows : array() as $row) {
			if (isset($row[PR_ENTRYID])) {
				$entryids[] = $row[PR_ENTRYID];
			}
		}
		return $entryids;
	}
}
