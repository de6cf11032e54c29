<?php
/*
 * Stand-ins for the part of php-mapi's message store the plugin uses to search the user's
 * contact folders, written from MAPI's documented behaviour (MS-OXCSTOR, MS-OXCFOLD, MS-OXPROPS)
 * and the way grommunio-web's MAPISession::getContactFolders and addressbooklistmodule use it:
 *   mapi_getprops($store, [PR_ENTRYID, PR_IPM_SUBTREE_ENTRYID, PR_DISPLAY_NAME]);
 *   mapi_msgstore_openentry($store): the root folder, whose PR_IPM_CONTACT_ENTRYID is the
 *     default contacts folder's entry id; mapi_msgstore_openentry($store, $entryid): that folder
 *     or item; another id: MAPIException MAPI_E_NOT_FOUND;
 *   mapi_folder_gethierarchytable($folder, $flags): a row per subfolder (PR_ENTRYID,
 *     PR_STORE_ENTRYID, PR_PARENT_ENTRYID, PR_DISPLAY_NAME, PR_CONTAINER_CLASS, PR_ATTR_HIDDEN
 *     where set, PR_DEPTH), with CONVENIENT_DEPTH every folder below it (PR_DEPTH 1, 2, ...);
 *   mapi_folder_getcontentstable($folder, $flags) (mapi-tables.php): a row per item, with
 *     PR_ENTRYID, PR_OBJECT_TYPE MAPI_MESSAGE, PR_MESSAGE_CLASS and the item's properties.
 * The mailbox comes from a JSON file: {"folders": [{"display_name", "container_class",
 * "hidden"?, "default_contacts"?, "items"?: [{"message_class"? (IPM.Contact), "display_name",
 * "<field>"...}], "folders"?: [...]}]}, the folders below the IPM subtree, items with the field
 * names of grommunio-web's ContactRecord (business_telephone_number, cellular_telephone_number,
 * ...). A missing file: MAPI_E_NO_ACCESS (the store cannot be opened).
 */
require_once __DIR__ . '/mapi-tables.php';

foreach ([
	'PR_MESSAGE_CLASS' => 0x001A001F, 'PR_PARENT_ENTRYID' => 0x0E090102, 'PR_STORE_ENTRYID' => 0x0FFB0102,
	'PR_ATTR_HIDDEN' => 0x10F4000B, 'PR_DEPTH' => 0x30050003, 'PR_CONTAINER_CLASS' => 0x3613001F,
	'PR_IPM_SUBTREE_ENTRYID' => 0x35E00102, 'PR_IPM_CONTACT_ENTRYID' => 0x36D10102,
	'PR_CALLBACK_TELEPHONE_NUMBER' => 0x3A02001F, 'PR_BUSINESS_TELEPHONE_NUMBER' => 0x3A08001F,
	'PR_HOME_TELEPHONE_NUMBER' => 0x3A09001F, 'PR_PRIMARY_TELEPHONE_NUMBER' => 0x3A1A001F,
	'PR_BUSINESS2_TELEPHONE_NUMBER' => 0x3A1B001F, 'PR_MOBILE_TELEPHONE_NUMBER' => 0x3A1C001F,
	'PR_CELLULAR_TELEPHONE_NUMBER' => 0x3A1C001F, 'PR_RADIO_TELEPHONE_NUMBER' => 0x3A1D001F,
	'PR_CAR_TELEPHONE_NUMBER' => 0x3A1E001F, 'PR_OTHER_TELEPHONE_NUMBER' => 0x3A1F001F,
	'PR_PAGER_TELEPHONE_NUMBER' => 0x3A21001F, 'PR_BUSINESS_FAX_NUMBER' => 0x3A24001F,
	'PR_TELEX_NUMBER' => 0x3A2C001F, 'PR_ISDN_NUMBER' => 0x3A2D001F, 'PR_ASSISTANT_TELEPHONE_NUMBER' => 0x3A2E001F,
	'PR_HOME2_TELEPHONE_NUMBER' => 0x3A2F001F, 'PR_TTYTDD_PHONE_NUMBER' => 0x3A4B001F,
	'PR_COMPANY_MAIN_PHONE_NUMBER' => 0x3A57001F,
] as $name => $value) {
	if (!defined($name)) {
		define($name, $value);
	}
}

/** The user's opened store: its root folder, the IPM subtree below it, and everything by entry id. */
class GwMessageStore extends GwMapiObject
{
	const ITEM_FIELDS = [
		'display_name' => PR_DISPLAY_NAME, 'message_class' => PR_MESSAGE_CLASS,
		'business_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER, 'business2_telephone_number' => PR_BUSINESS2_TELEPHONE_NUMBER,
		'cellular_telephone_number' => PR_CELLULAR_TELEPHONE_NUMBER, 'car_telephone_number' => PR_CAR_TELEPHONE_NUMBER,
		'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER, 'home2_telephone_number' => PR_HOME2_TELEPHONE_NUMBER,
		'assistant_telephone_number' => PR_ASSISTANT_TELEPHONE_NUMBER, 'callback_telephone_number' => PR_CALLBACK_TELEPHONE_NUMBER,
		'company_telephone_number' => PR_COMPANY_MAIN_PHONE_NUMBER, 'primary_telephone_number' => PR_PRIMARY_TELEPHONE_NUMBER,
		'isdn_number' => PR_ISDN_NUMBER, 'radio_telephone_number' => PR_RADIO_TELEPHONE_NUMBER,
		'pager_telephone_number' => PR_PAGER_TELEPHONE_NUMBER, 'ttytdd_telephone_number' => PR_TTYTDD_PHONE_NUMBER,
		'telex_telephone_number' => PR_TELEX_NUMBER, 'other_telephone_number' => PR_OTHER_TELEPHONE_NUMBER,
		'business_fax_number' => PR_BUSINESS_FAX_NUMBER,
	];

	/** @var array<string, GwMapiObject> entry id => folder or item */
	public array $objects = [];
	public GwFolder $root;
	private int $made = 0;

	/** The store of a JSON file; MAPIException MAPI_E_NO_ACCESS when it cannot be read. */
	public static function open(string $file): self
	{
		$mailbox = is_file($file) ? json_decode((string) file_get_contents($file), true) : null;
		if (!is_array($mailbox)) {
			throw new MAPIException('the store cannot be opened', MAPI_E_NO_ACCESS);
		}
		$store = new self([PR_ENTRYID => gw_entryid('store', 1), PR_OBJECT_TYPE => MAPI_STORE, PR_DISPLAY_NAME => 'Mailbox']);
		$store->root = $store->folder(null, ['display_name' => '', 'container_class' => '']);
		$subtree = $store->folder($store->root, ['display_name' => 'Top of Information Store', 'container_class' => 'IPF.Note',
			'folders' => $mailbox['folders'] ?? []]);
		$store->props[PR_IPM_SUBTREE_ENTRYID] = $subtree->props[PR_ENTRYID];
		return $store;
	}

	/** A folder from its JSON, with its items and subfolders. */
	private function folder(?GwFolder $parent, array $fields): GwFolder
	{
		$props = [PR_ENTRYID => gw_entryid('folder', ++$this->made), PR_STORE_ENTRYID => $this->props[PR_ENTRYID],
			PR_OBJECT_TYPE => MAPI_FOLDER, PR_DISPLAY_NAME => (string) $fields['display_name'],
			PR_CONTAINER_CLASS => (string) ($fields['container_class'] ?? 'IPF.Note')];
		if ($parent !== null) {
			$props[PR_PARENT_ENTRYID] = $parent->props[PR_ENTRYID];
		}
		if (isset($fields['hidden'])) {
			$props[PR_ATTR_HIDDEN] = (bool) $fields['hidden'];
		}
		$folder = new GwFolder($props);
		$this->objects[$props[PR_ENTRYID]] = $folder;
		if ($parent !== null) {
			$parent->subfolders[] = $folder;
		}
		if (!empty($fields['default_contacts'])) {
			$this->root->props[PR_IPM_CONTACT_ENTRYID] = $props[PR_ENTRYID];
		}
		foreach ($fields['items'] ?? [] as $item) {
			$folder->items[] = $this->item($folder, $item);
		}
		foreach ($fields['folders'] ?? [] as $child) {
			$this->folder($folder, $child);
		}
		return $folder;
	}

	private function item(GwFolder $folder, array $fields): GwMapiObject
	{
		$props = [PR_ENTRYID => gw_entryid('item', ++$this->made), PR_PARENT_ENTRYID => $folder->props[PR_ENTRYID],
			PR_OBJECT_TYPE => MAPI_MESSAGE, PR_MESSAGE_CLASS => 'IPM.Contact'];
		foreach (self::ITEM_FIELDS as $field => $tag) {
			if (isset($fields[$field])) {
				$props[$tag] = (string) $fields[$field];
			}
		}
		$this->objects[$props[PR_ENTRYID]] = $item = new GwMapiObject($props);
		return $item;
	}
}

/** A folder: its items (the contents table) and its subfolders (the hierarchy table). */
class GwFolder extends GwMapiObject
{
	/** @var GwMapiObject[] */
	public array $items = [];
	/** @var GwFolder[] */
	public array $subfolders = [];

	public function contentsRows(): array
	{
		return array_map(fn (GwMapiObject $item) => $item->props, $this->items);
	}

	/** The rows of the folders below it: the children, or with $deep every descendant. */
	public function hierarchyRows(bool $deep, int $depth = 1): array
	{
		$rows = [];
		foreach ($this->subfolders as $folder) {
			$rows[] = $folder->props + [PR_DEPTH => $depth];
			if ($deep) {
				$rows = array_merge($rows, $folder->hierarchyRows(true, $depth + 1));
			}
		}
		return $rows;
	}
}

function mapi_msgstore_openentry(GwMessageStore $store, ?string $entryid = null, int $flags = 0): GwMapiObject
{
	if ($entryid === null || $entryid === '') {
		return $store->root;
	}
	if (!isset($store->objects[$entryid])) {
		throw new MAPIException('not found', MAPI_E_NOT_FOUND);
	}
	return $store->objects[$entryid];
}

function mapi_folder_gethierarchytable(GwFolder $folder, int $flags = 0): GwMapiTable
{
	return new GwMapiTable($folder->hierarchyRows(($flags & CONVENIENT_DEPTH) !== 0));
}
