<?php
/*
 * click2dial — click-to-call for Zarafa WebAccess and the sipXecs PBX.
 * Copyright (C) 2026 the click2dial authors
 * SPDX-License-Identifier: AGPL-3.0-only
 * Free software under the GNU Affero General Public License, version 3 only, without any
 * warranty; the full text is in LICENSE at the root of click2dial.
 */
/*
 * The dial box's name search: the logged-in user's contacts folder and the global address book,
 * searched the way WebAccess' own address book searches them (server/modules/
 * class.addressbooklistmodule.php: the contacts folder from PR_IPM_CONTACT_ENTRYID of the
 * default store's root, the GAB from mapi_ab_getdefaultdir(), a RES_CONTENT restriction on the
 * display name, FL_SUBSTRING | FL_IGNORECASE), through the session WebAccess has opened. Only
 * names and phone numbers are read; without MAPI (or its constants) nothing is found.
 */
class click2dialdirectory
{
	const LIMIT = 5;

	/** [name, [[label, number], ...], source] of the first LIMIT contacts and GAB users matching $query. */
	static function search($query)
	{
		if (!self::available()) {
			return array();
		}
		$matches = array();
		$sources = array('contacts' => self::contactsTable(), 'gab' => self::gabTable());
		foreach ($sources as $source => $table) {
			if ($table === false) {
				continue;
			}
			mapi_table_restrict($table, array(RES_CONTENT, array(FUZZYLEVEL => FL_SUBSTRING | FL_IGNORECASE,
				ULPROPTAG => PR_DISPLAY_NAME, VALUE => $query)));
			$rows = mapi_table_queryrows($table, array_merge(array(PR_DISPLAY_NAME), array_keys(self::phones())), 0, self::LIMIT);
			foreach ((array) $rows as $row) {
				$numbers = self::numbersOf($row);
				if ($numbers && count($matches) < self::LIMIT) {
					$matches[] = array('name' => (string) $row[PR_DISPLAY_NAME], 'source' => $source, 'numbers' => $numbers);
				}
			}
		}
		return $matches;
	}

	static function available()
	{
		foreach (array('RES_CONTENT', 'FUZZYLEVEL', 'FL_SUBSTRING', 'FL_IGNORECASE', 'ULPROPTAG', 'VALUE', 'PR_DISPLAY_NAME',
			'PR_IPM_CONTACT_ENTRYID', 'PR_BUSINESS_TELEPHONE_NUMBER', 'PR_MOBILE_TELEPHONE_NUMBER', 'PR_HOME_TELEPHONE_NUMBER') as $name) {
			if (!defined($name)) {
				return false;
			}
		}
		return isset($GLOBALS['mapisession']) && function_exists('mapi_table_queryrows');
	}

	/** Tag => label; PR_MOBILE_TELEPHONE_NUMBER is PR_CELLULAR_TELEPHONE_NUMBER. */
	static function phones()
	{
		return array(PR_BUSINESS_TELEPHONE_NUMBER => 'Business', PR_MOBILE_TELEPHONE_NUMBER => 'Mobile',
			PR_HOME_TELEPHONE_NUMBER => 'Home');
	}

	static function numbersOf($row)
	{
		$numbers = array();
		foreach (self::phones() as $tag => $label) {
			if (isset($row[$tag]) && trim((string) $row[$tag]) !== '') {
				$numbers[] = array('label' => dgettext('plugin_click2dial', $label), 'number' => trim((string) $row[$tag]));
			}
		}
		return $numbers;
	}

	static function contactsTable()
	{
		$store = $GLOBALS['mapisession']->getDefaultMessageStore();
		$root = $store ? mapi_msgstore_openentry($store) : false;
		$props = $root ? mapi_getprops($root, array(PR_IPM_CONTACT_ENTRYID)) : array();
		if (!isset($props[PR_IPM_CONTACT_ENTRYID])) {
			return false;
		}
		$folder = mapi_msgstore_openentry($store, $props[PR_IPM_CONTACT_ENTRYID]);
		return $folder ? mapi_folder_getcontentstable($folder) : false;
	}

	static function gabTable()
	{
		$book = $GLOBALS['mapisession']->getAddressbook();
		$directory = $book ? mapi_ab_openentry($book, mapi_ab_getdefaultdir($book)) : false;
		return $directory ? mapi_folder_getcontentstable($directory) : false;
	}
}
