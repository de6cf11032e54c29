<?php
/*
 * The dial box's name search: the entries whose display name holds the typed text, with their
 * phone numbers, in the user's contact folders and in the global address list, searched the way
 * grommunio-web's own address book lists them (server/includes/modules/
 * class.addressbooklistmodule.php and MAPISession::getContactFolders):
 * - contact folders: in the user's default store, the default contacts folder
 *   (PR_IPM_CONTACT_ENTRYID of the root folder) and every visible folder of class IPF.Contact*
 *   one level below the IPM subtree, with their subfolders (hierarchy table, CONVENIENT_DEPTH);
 *   each folder's contents table restricted to IPM.Contact items;
 * - the global address list: mapi_ab_getdefaultdir, its contents table;
 * each restricted with RES_CONTENT FL_SUBSTRING | FL_IGNORECASE on PR_DISPLAY_NAME (MAPI
 * compares the text literally: no character of it is special), sorted by name, at most MAX_ROWS
 * rows read per table. Only names and phone numbers are read.
 */
require_once __DIR__ . '/class.click2dialaddressbook.php';

class Click2DialNameSearch
{
	// Rows read per table: more than a dial box lists, for the rows without numbers.
	const MAX_ROWS = 50;
	// Contact folders searched: the default one first.
	const MAX_FOLDERS = 20;

	/**
	 * A contact's phone properties, under the field names of grommunio-web's ContactRecord, in
	 * the order the client lists them (Zarafa.plugins.click2dial.PHONE_FIELDS). No fax numbers.
	 */
	public static function contactPhoneProperties(): array
	{
		return [
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
		];
	}

	/** [['display_name', 'source' => 'contacts', 'numbers' => [field => number]], ...] in the user's contact folders. */
	public static function inContacts($store, string $query): array
	{
		$restriction = [RES_AND, [
			[RES_CONTENT, [FUZZYLEVEL => FL_PREFIX | FL_IGNORECASE, ULPROPTAG => PR_MESSAGE_CLASS, VALUE => [PR_MESSAGE_CLASS => 'IPM.Contact']]],
			self::nameHolds($query),
		]];
		$entries = [];
		foreach (self::contactFolders($store) as $entryid) {
			$table = mapi_folder_getcontentstable(mapi_msgstore_openentry($store, $entryid), MAPI_DEFERRED_ERRORS);
			$entries = array_merge($entries, self::entries($table, $restriction, self::contactPhoneProperties(), 'contacts'));
		}
		return $entries;
	}

	/** The same from the global address list, source 'gab'. */
	public static function inGlobalAddressList($addressBook, string $query): array
	{
		$gab = mapi_ab_openentry($addressBook, mapi_ab_getdefaultdir($addressBook));
		$table = mapi_folder_getcontentstable($gab, MAPI_DEFERRED_ERRORS);
		return self::entries($table, self::nameHolds($query), Click2DialAddressBook::phoneProperties(), 'gab');
	}

	/** RES_CONTENT: the display name holds the text, in any case. */
	private static function nameHolds(string $query): array
	{
		return [RES_CONTENT, [FUZZYLEVEL => FL_SUBSTRING | FL_IGNORECASE, ULPROPTAG => PR_DISPLAY_NAME, VALUE => [PR_DISPLAY_NAME => $query]]];
	}

	/** The restricted table's first rows, by name, that have a number. */
	private static function entries($table, array $restriction, array $phones, string $source): array
	{
		mapi_table_restrict($table, $restriction, TBL_BATCH);
		mapi_table_sort($table, [PR_DISPLAY_NAME => TABLE_SORT_ASCEND], TBL_BATCH);
		$entries = [];
		foreach (mapi_table_queryrows($table, array_merge([PR_DISPLAY_NAME], array_values($phones)), 0, self::MAX_ROWS) as $row) {
			$numbers = [];
			foreach ($phones as $field => $tag) {
				if (isset($row[$tag]) && is_string($row[$tag]) && trim($row[$tag]) !== '') {
					$numbers[$field] = trim($row[$tag]);
				}
			}
			if ($numbers !== []) {
				$entries[] = ['display_name' => (string) ($row[PR_DISPLAY_NAME] ?? ''), 'source' => $source, 'numbers' => $numbers];
			}
		}
		return $entries;
	}

	/**
	 * The entry ids of the user's contact folders, the default one first, as grommunio-web finds
	 * them for its contact provider: visible IPF.Contact* folders below the IPM subtree (one
	 * level, else deleted contact folders would come too) and everything below those.
	 */
	private static function contactFolders($store): array
	{
		$default = mapi_getprops(mapi_msgstore_openentry($store), [PR_IPM_CONTACT_ENTRYID]);
		$folders = isset($default[PR_IPM_CONTACT_ENTRYID]) ? [$default[PR_IPM_CONTACT_ENTRYID]] : [];
		$subtree = mapi_getprops($store, [PR_IPM_SUBTREE_ENTRYID]);
		if (isset($subtree[PR_IPM_SUBTREE_ENTRYID])) {
			foreach (self::contactSubfolders($store, $subtree[PR_IPM_SUBTREE_ENTRYID], false) as $top) {
				$folders[] = $top;
				$folders = array_merge($folders, self::contactSubfolders($store, $top, true));
			}
		}
		return array_slice(array_values(array_unique($folders)), 0, self::MAX_FOLDERS);
	}

	/** The visible contact folders below a folder: its children, or with $deep all below it. */
	private static function contactSubfolders($store, string $entryid, bool $deep): array
	{
		$table = mapi_folder_gethierarchytable(mapi_msgstore_openentry($store, $entryid), MAPI_DEFERRED_ERRORS | ($deep ? CONVENIENT_DEPTH : 0));
		mapi_table_restrict($table, [RES_AND, [
			[RES_CONTENT, [FUZZYLEVEL => FL_PREFIX, ULPROPTAG => PR_CONTAINER_CLASS, VALUE => [PR_CONTAINER_CLASS => 'IPF.Contact']]],
			[RES_OR, [
				[RES_PROPERTY, [RELOP => RELOP_EQ, ULPROPTAG => PR_ATTR_HIDDEN, VALUE => [PR_ATTR_HIDDEN => false]]],
				[RES_NOT, [[RES_EXIST, [ULPROPTAG => PR_ATTR_HIDDEN]]]],
			]],
		]], TBL_BATCH);
		return array_column(mapi_table_queryrows($table, [PR_ENTRYID], 0, self::MAX_FOLDERS), PR_ENTRYID);
	}
}
