<?php
/*
 * A stand-in for the MAPI extension and WebAccess' MAPISession, as far as a plugin searching
 * the user's contact folders and the global address book meets them: the names and values of
 * mapi/mapidefs.php, mapi/mapicode.php and mapi/mapitags.php, the calls with the extension's
 * signatures, and server/core/class.mapisession.php's getDefaultMessageStore() (the store, or
 * false) and getAddressbook() (the address book, or the error code, an int). Over the host's
 * mailbox (contacts.php host_mailbox()) and GAB users (mails.php host_gab_users()):
 *   mapi_getprops($object [, tags]): the properties it has of those asked for; the store has
 *     PR_IPM_SUBTREE_ENTRYID and PR_IPM_WASTEBASKET_ENTRYID, its root folder
 *     PR_IPM_CONTACT_ENTRYID;
 *   mapi_msgstore_openentry($store [, entryid [, flags]]): the root folder without an entry id,
 *     else that folder or item; an unknown one: false, MAPI_E_NOT_FOUND;
 *   mapi_folder_gethierarchytable($folder [, flags]): a row per subfolder (PR_ENTRYID,
 *     PR_PARENT_ENTRYID, PR_DISPLAY_NAME, PR_CONTAINER_CLASS, PR_DEPTH), with CONVENIENT_DEPTH
 *     every folder below it, each followed by those below it (PR_DEPTH 1, 2, ...);
 *   mapi_folder_getcontentstable($folder [, flags]): a row per item (PR_ENTRYID,
 *     PR_PARENT_ENTRYID, PR_MESSAGE_CLASS and its properties); of the GAB, a row per user;
 *   mapi_ab_getdefaultdir($book), mapi_ab_openentry($book [, entryid [, flags]]): the GAB;
 *   tables, restrictions and errors as mapi-tables.php says.
 * host_mapi_mailbox() lets a test give the session a mailbox and GAB of its own, or none.
 */
require_once dirname(__DIR__, 2) . '/contacts.php';
require_once dirname(__DIR__, 2) . '/mails.php';

foreach (array(
	// mapi/mapicode.php (mapi_make_scode(1, ...) and the Win32 codes, as signed 32-bit ints)
	'NOERROR' => 0, 'MAPI_E_NOT_FOUND' => -2147221233, 'MAPI_E_TOO_COMPLEX' => -2147221225,
	'MAPI_E_NO_ACCESS' => -2147024891, 'MAPI_E_INVALID_PARAMETER' => -2147024809,
	// mapi/mapidefs.php
	'RES_AND' => 0, 'RES_OR' => 1, 'RES_NOT' => 2, 'RES_CONTENT' => 3, 'RES_PROPERTY' => 4, 'RES_EXIST' => 8,
	'RELOP_LT' => 0, 'RELOP_LE' => 1, 'RELOP_GT' => 2, 'RELOP_GE' => 3, 'RELOP_EQ' => 4, 'RELOP_NE' => 5,
	'FL_FULLSTRING' => 0, 'FL_SUBSTRING' => 1, 'FL_PREFIX' => 2, 'FL_IGNORECASE' => 0x10000,
	'VALUE' => 0, 'RELOP' => 1, 'FUZZYLEVEL' => 2, 'ULPROPTAG' => 6,
	'TABLE_SORT_ASCEND' => 0, 'TABLE_SORT_DESCEND' => 1, 'CONVENIENT_DEPTH' => 1,
	'MAPI_DEFERRED_ERRORS' => 8, 'TBL_BATCH' => 2,
	// mapi/mapitags.php (PT_TSTRING is PT_STRING8 there)
	'PR_ENTRYID' => 0x0FFF0102, 'PR_PARENT_ENTRYID' => 0x0E090102, 'PR_DEPTH' => 0x30050003,
	'PR_IPM_SUBTREE_ENTRYID' => 0x35E00102, 'PR_IPM_WASTEBASKET_ENTRYID' => 0x35E30102,
	'PR_IPM_CONTACT_ENTRYID' => 0x36D10102, 'PR_CONTAINER_CLASS' => 0x3613001E,
	'PR_MESSAGE_CLASS' => HOST_PR_MESSAGE_CLASS, 'PR_DISPLAY_NAME' => HOST_PR_DISPLAY_NAME, 'PR_ACCOUNT' => HOST_PR_ACCOUNT,
	'PR_BUSINESS_TELEPHONE_NUMBER' => HOST_PR_BUSINESS_TELEPHONE_NUMBER, 'PR_OFFICE_TELEPHONE_NUMBER' => HOST_PR_OFFICE_TELEPHONE_NUMBER,
	'PR_BUSINESS2_TELEPHONE_NUMBER' => HOST_PR_BUSINESS2_TELEPHONE_NUMBER,
	'PR_CELLULAR_TELEPHONE_NUMBER' => HOST_PR_CELLULAR_TELEPHONE_NUMBER, 'PR_MOBILE_TELEPHONE_NUMBER' => HOST_PR_MOBILE_TELEPHONE_NUMBER,
	'PR_CAR_TELEPHONE_NUMBER' => HOST_PR_CAR_TELEPHONE_NUMBER, 'PR_HOME_TELEPHONE_NUMBER' => HOST_PR_HOME_TELEPHONE_NUMBER,
	'PR_HOME2_TELEPHONE_NUMBER' => HOST_PR_HOME2_TELEPHONE_NUMBER, 'PR_ASSISTANT_TELEPHONE_NUMBER' => HOST_PR_ASSISTANT_TELEPHONE_NUMBER,
	'PR_CALLBACK_TELEPHONE_NUMBER' => HOST_PR_CALLBACK_TELEPHONE_NUMBER, 'PR_COMPANY_MAIN_PHONE_NUMBER' => HOST_PR_COMPANY_MAIN_PHONE_NUMBER,
	'PR_PRIMARY_TELEPHONE_NUMBER' => HOST_PR_PRIMARY_TELEPHONE_NUMBER, 'PR_ISDN_NUMBER' => HOST_PR_ISDN_NUMBER,
	'PR_RADIO_TELEPHONE_NUMBER' => HOST_PR_RADIO_TELEPHONE_NUMBER, 'PR_PAGER_TELEPHONE_NUMBER' => HOST_PR_PAGER_TELEPHONE_NUMBER,
	'PR_TTYTDD_PHONE_NUMBER' => HOST_PR_TTYTDD_PHONE_NUMBER, 'PR_TELEX_NUMBER' => HOST_PR_TELEX_NUMBER,
	'PR_OTHER_TELEPHONE_NUMBER' => HOST_PR_OTHER_TELEPHONE_NUMBER, 'PR_BUSINESS_FAX_NUMBER' => HOST_PR_BUSINESS_FAX_NUMBER,
	'PR_PRIMARY_FAX_NUMBER' => HOST_PR_PRIMARY_FAX_NUMBER, 'PR_HOME_FAX_NUMBER' => HOST_PR_HOME_FAX_NUMBER,
) as $name => $value) {
	define($name, $value);
}
require_once __DIR__ . '/mapi-tables.php';

/** A MAPI object of the stand-in (store, folder, item, address book, GAB): its properties. */
class HostMapiObject
{
	public $props;

	function __construct(array $props = array())
	{
		$this->props = $props;
	}
}

/** A folder: its items (the contents table) and subfolders (the hierarchy table). */
class HostMapiFolder extends HostMapiObject
{
	public $items = array();
	public $subfolders = array();

	/** The rows of the folders below it: the children, or with $deep each followed by all below it. */
	function hierarchyRows($deep, $depth = 1)
	{
		$rows = array();
		foreach ($this->subfolders as $folder) {
			$rows[] = $folder->props + array(PR_DEPTH => $depth);
			if ($deep) {
				$rows = array_merge($rows, $folder->hierarchyRows(true, $depth + 1));
			}
		}
		return $rows;
	}
}

/** The user's store: its root folder, the IPM subtree below it, and everything by entry id. */
class HostMapiStore extends HostMapiObject
{
	public $root;
	public $objects = array();
	private $made = 0;

	function __construct(array $folders)
	{
		parent::__construct(array(PR_ENTRYID => $this->entryid('store'), PR_DISPLAY_NAME => 'Mailbox'));
		$this->root = $this->folder(null, array('display_name' => '', 'container_class' => ''));
		$subtree = $this->folder($this->root, array('display_name' => 'Top of Information Store', 'container_class' => 'IPF.Note',
			'folders' => $folders));
		$this->props[PR_IPM_SUBTREE_ENTRYID] = $subtree->props[PR_ENTRYID];
	}

	/** A binary entry id, as MAPI's are: never text a plugin could take for a name. */
	private function entryid($kind)
	{
		return hex2bin('00000000' . substr(md5($kind), 0, 24) . sprintf('%08X', ++$this->made));
	}

	private function folder($parent, array $fields)
	{
		$props = array(PR_ENTRYID => $this->entryid('folder'), PR_DISPLAY_NAME => (string) $fields['display_name'],
			PR_CONTAINER_CLASS => (string) $fields['container_class']);
		if ($parent !== null) {
			$props[PR_PARENT_ENTRYID] = $parent->props[PR_ENTRYID];
		}
		$folder = $this->objects[$props[PR_ENTRYID]] = new HostMapiFolder($props);
		if ($parent !== null) {
			$parent->subfolders[] = $folder;
		}
		if (!empty($fields['default_contacts'])) {
			$this->root->props[PR_IPM_CONTACT_ENTRYID] = $props[PR_ENTRYID];
		}
		if (!empty($fields['wastebasket'])) {
			$this->props[PR_IPM_WASTEBASKET_ENTRYID] = $props[PR_ENTRYID];
		}
		foreach (isset($fields['items']) ? $fields['items'] : array() as $item) {
			$itemProps = array(PR_ENTRYID => $this->entryid('item'), PR_PARENT_ENTRYID => $props[PR_ENTRYID],
				PR_MESSAGE_CLASS => 'IPM.Contact');
			$folder->items[] = $this->objects[$itemProps[PR_ENTRYID]] = new HostMapiObject($item + $itemProps);
		}
		foreach (isset($fields['folders']) ? $fields['folders'] : array() as $child) {
			$this->folder($folder, $child);
		}
		return $folder;
	}
}

/** The address book: the GAB's users as rows (tag => value). */
class HostMapiAddressBook extends HostMapiObject
{
	public $gab;

	function __construct(array $users)
	{
		parent::__construct();
		$tags = array('display_name' => PR_DISPLAY_NAME, 'account' => PR_ACCOUNT,
			'business_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER, 'business2_telephone_number' => PR_BUSINESS2_TELEPHONE_NUMBER,
			'mobile_telephone_number' => PR_MOBILE_TELEPHONE_NUMBER, 'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER,
			'home2_telephone_number' => PR_HOME2_TELEPHONE_NUMBER, 'pager_telephone_number' => PR_PAGER_TELEPHONE_NUMBER,
			'primary_fax_number' => PR_PRIMARY_FAX_NUMBER);
		$this->gab = new HostMapiFolder(array(PR_ENTRYID => hex2bin('00000000dca740c8c042101ab4b908002b2fe1820100000000000000'),
			PR_DISPLAY_NAME => 'Global Address Book'));
		foreach ($users as $user) {
			$row = array(PR_ENTRYID => $this->gab->props[PR_ENTRYID] . pack('N', count($this->gab->items) + 1));
			foreach ($tags as $name => $tag) {
				if (isset($user[$name]) && $user[$name] !== '') {
					$row[$tag] = $user[$name];
				}
			}
			$this->gab->items[] = new HostMapiObject($row);
		}
	}
}

/** $GLOBALS['mapisession']: the logged-on user's store and address book. */
class HostMapiSession
{
	private $folders;
	private $users;
	private $store = null;
	private $book = null;

	/** $folders (contacts.php host_mailbox()'s form) or null: no store; $users or null: no address book. */
	function __construct($folders, $users)
	{
		$this->folders = $folders;
		$this->users = $users;
	}

	function getDefaultMessageStore()
	{
		if ($this->folders === null) {
			return host_mapi_result(false, MAPI_E_NO_ACCESS);
		}
		return $this->store ?: ($this->store = new HostMapiStore($this->folders));
	}

	/** The address book, or the error (an int), as WebAccess' getAddressbook() returns it. */
	function getAddressbook()
	{
		if ($this->users === null) {
			host_mapi_result(false, MAPI_E_NO_ACCESS);
			return MAPI_E_NO_ACCESS;
		}
		return $this->book ?: ($this->book = new HostMapiAddressBook($this->users));
	}
}

/** The session's mailbox and GAB from now on (null: it cannot be opened); for the tests. */
function host_mapi_mailbox($folders, $users)
{
	$GLOBALS['mapisession'] = new HostMapiSession($folders, $users);
}

function mapi_getprops($object, $tags = array())
{
	if (!host_mapi_is($object, 'HostMapiObject', __FUNCTION__)) {
		return false;
	}
	return host_mapi_result(array_intersect_key($object->props, array_flip($tags)));
}

function mapi_msgstore_openentry($store, $entryid = null, $flags = 0)
{
	if (!host_mapi_is($store, 'HostMapiStore', __FUNCTION__)) {
		return false;
	}
	if ($entryid === null || $entryid === '') {
		return host_mapi_result($store->root);
	}
	return isset($store->objects[$entryid]) ? host_mapi_result($store->objects[$entryid]) : host_mapi_result(false, MAPI_E_NOT_FOUND);
}

function mapi_folder_gethierarchytable($folder, $flags = 0)
{
	if (!host_mapi_is($folder, 'HostMapiFolder', __FUNCTION__)) {
		return false;
	}
	return host_mapi_result(new HostMapiTable($folder->hierarchyRows(($flags & CONVENIENT_DEPTH) !== 0)));
}

function mapi_folder_getcontentstable($folder, $flags = 0)
{
	if (!host_mapi_is($folder, 'HostMapiFolder', __FUNCTION__)) {
		return false;
	}
	return host_mapi_result(new HostMapiTable(array_map(function ($item) { return $item->props; }, $folder->items)));
}

function mapi_ab_getdefaultdir($book)
{
	return host_mapi_is($book, 'HostMapiAddressBook', __FUNCTION__) ? host_mapi_result($book->gab->props[PR_ENTRYID]) : false;
}

function mapi_ab_openentry($book, $entryid = null, $flags = 0)
{
	if (!host_mapi_is($book, 'HostMapiAddressBook', __FUNCTION__)) {
		return false;
	}
	return $entryid === $book->gab->props[PR_ENTRYID] ? host_mapi_result($book->gab) : host_mapi_result(false, MAPI_E_NOT_FOUND);
}

host_mapi_mailbox(host_mailbox(), array_values(host_gab_users()));
