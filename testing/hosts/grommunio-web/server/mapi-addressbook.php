<?php
/*
 * Stand-ins for the part of php-mapi's address book the plugin uses, written from MAPI's
 * documented behaviour (property tags of MS-OXPROPS, PT_UNICODE strings) and the way
 * grommunio-web's resolvenamesmodule and addressbooklistmodule call it:
 *   mapi_ab_resolvename($ab, [[tag => value]], EMS_AB_ADDRESS_LOOKUP): the rows of the entries
 *     whose property equals value (case-insensitive), each with PR_ENTRYID and PR_DISPLAY_NAME;
 *     none: MAPIException MAPI_E_NOT_FOUND, several: MAPI_E_AMBIGUOUS_RECIP;
 *   mapi_ab_resolvename($ab, [[PR_DISPLAY_NAME => name]], 0): ambiguous name resolution, the
 *     entries with a word of their name beginning with each word of name (case-insensitive);
 *     none: MAPI_E_NOT_FOUND, several: MAPI_E_AMBIGUOUS_RECIP (as grommunio-web's
 *     resolvenamesmodule meets it);
 *   mapi_ab_getdefaultdir($ab): the entry id of the global address list;
 *   mapi_ab_openentry($ab, $entryid): that container (its contents table, through
 *     mapi_folder_getcontentstable, has a row per entry: PR_ENTRYID, PR_OBJECT_TYPE
 *     MAPI_MAILUSER, PR_DISPLAY_TYPE DT_MAILUSER and the entry's properties) or an entry;
 *     another id: MAPI_E_NOT_FOUND;
 *   mapi_getprops($entry, [tags]) (mapi-tables.php): the properties it has.
 * Entries come from a JSON file: [{"display_name", "smtp_address", "<field>_telephone_number"...}],
 * the field names of grommunio-web's AddressBookRecord. A missing file: MAPI_E_NO_ACCESS (the
 * address book cannot be opened).
 */
require_once __DIR__ . '/mapi-tables.php';

foreach ([
	'PR_EMAIL_ADDRESS' => 0x3003001F, 'PR_SMTP_ADDRESS' => 0x39FE001F, 'PR_DISPLAY_TYPE' => 0x39000003,
	'PR_BUSINESS_TELEPHONE_NUMBER' => 0x3A08001F, 'PR_HOME_TELEPHONE_NUMBER' => 0x3A09001F,
	'PR_BUSINESS2_TELEPHONE_NUMBER' => 0x3A1B001F, 'PR_MOBILE_TELEPHONE_NUMBER' => 0x3A1C001F,
	'PR_PAGER_TELEPHONE_NUMBER' => 0x3A21001F, 'PR_HOME2_TELEPHONE_NUMBER' => 0x3A2F001F,
	'EMS_AB_ADDRESS_LOOKUP' => 0x00000001,
] as $name => $value) {
	if (!defined($name)) {
		define($name, $value);
	}
}

/** An opened address book: the global address list and its entries. */
class GwAddressBook
{
	const FIELDS = [
		'display_name' => PR_DISPLAY_NAME, 'smtp_address' => PR_SMTP_ADDRESS, 'email_address' => PR_EMAIL_ADDRESS,
		'office_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER, 'business2_telephone_number' => PR_BUSINESS2_TELEPHONE_NUMBER,
		'mobile_telephone_number' => PR_MOBILE_TELEPHONE_NUMBER, 'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER,
		'home2_telephone_number' => PR_HOME2_TELEPHONE_NUMBER, 'pager_telephone_number' => PR_PAGER_TELEPHONE_NUMBER,
	];

	/** @var array<string, GwMapiObject> entry id => entry */
	public array $entries = [];
	public GwAbContainer $gab;

	/** The address book of a JSON file, or MAPI_E_NO_ACCESS when it cannot be read. */
	public static function open(string $file): self|int
	{
		$list = is_file($file) ? json_decode((string) file_get_contents($file), true) : null;
		if (!is_array($list)) {
			return MAPI_E_NO_ACCESS;
		}
		$book = new self();
		foreach ($list as $index => $fields) {
			$props = [PR_ENTRYID => gw_entryid('ab-entry', $index + 1), PR_OBJECT_TYPE => MAPI_MAILUSER, PR_DISPLAY_TYPE => DT_MAILUSER];
			foreach (self::FIELDS as $field => $tag) {
				if (isset($fields[$field])) {
					$props[$tag] = (string) $fields[$field];
				}
			}
			$book->entries[$props[PR_ENTRYID]] = new GwMapiObject($props);
		}
		$book->gab = new GwAbContainer($book, [PR_ENTRYID => gw_entryid('ab-container', 1), PR_OBJECT_TYPE => MAPI_ABCONT,
			PR_DISPLAY_NAME => 'Global Address Book']);
		return $book;
	}
}

/** An address book container: its contents table lists the entries. */
class GwAbContainer extends GwMapiObject
{
	public function __construct(private GwAddressBook $book, array $props)
	{
		parent::__construct($props);
	}

	public function contentsRows(): array
	{
		return array_values(array_map(fn (GwMapiObject $entry) => $entry->props, $this->book->entries));
	}
}

function mapi_ab_getdefaultdir(GwAddressBook $ab): string
{
	return $ab->gab->props[PR_ENTRYID];
}

function mapi_ab_resolvename(GwAddressBook $ab, array $restrictions, int $flags = 0): array
{
	[$tag, $value] = [array_key_first($restrictions[0]), (string) reset($restrictions[0])];
	$rows = [];
	$anr = !($flags & EMS_AB_ADDRESS_LOOKUP) && $tag === PR_DISPLAY_NAME;
	foreach ($ab->entries as $entry) {
		$have = $entry->props[$tag] ?? null;
		if ($have !== null && ($anr ? gw_anr_matches($have, $value) : strcasecmp($have, $value) === 0)) {
			$rows[] = [PR_ENTRYID => $entry->props[PR_ENTRYID], PR_DISPLAY_NAME => $entry->props[PR_DISPLAY_NAME] ?? ''];
		}
	}
	if ($rows === []) {
		throw new MAPIException('not found', MAPI_E_NOT_FOUND);
	}
	if (count($rows) > 1 && (($flags & EMS_AB_ADDRESS_LOOKUP) || $anr)) {
		throw new MAPIException('ambiguous', MAPI_E_AMBIGUOUS_RECIP);
	}
	return $rows;
}

/** Whether every word of $typed begins a word of $name. */
function gw_anr_matches(string $name, string $typed): bool
{
	$words = preg_split('/[\s,.<>()]+/u', strtolower($name), -1, PREG_SPLIT_NO_EMPTY);
	foreach (preg_split('/\s+/u', strtolower(trim($typed)), -1, PREG_SPLIT_NO_EMPTY) as $part) {
		$found = false;
		foreach ($words as $word) {
			$found = $found || str_starts_with($word, $part);
		}
		if (!$found) {
			return false;
		}
	}
	return trim($typed) !== '';
}

function mapi_ab_openentry(GwAddressBook $ab, string $entryid, int $flags = 0): GwMapiObject
{
	if ($entryid === $ab->gab->props[PR_ENTRYID]) {
		return $ab->gab;
	}
	if (!isset($ab->entries[$entryid])) {
		throw new MAPIException('not found', MAPI_E_NOT_FOUND);
	}
	return $ab->entries[$entryid];
}
