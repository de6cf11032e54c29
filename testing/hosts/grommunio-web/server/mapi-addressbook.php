<?php
/*
 * Stand-ins for the part of php-mapi an address book lookup uses, written from MAPI's documented
 * behaviour (property tags of MS-OXPROPS, PT_UNICODE strings) and the way grommunio-web's
 * resolvenamesmodule calls it:
 *   mapi_ab_resolvename($ab, [[tag => value]], EMS_AB_ADDRESS_LOOKUP): the rows of the entries
 *     whose property equals value (case-insensitive), each with PR_ENTRYID and PR_DISPLAY_NAME;
 *     none: MAPIException MAPI_E_NOT_FOUND, several: MAPI_E_AMBIGUOUS_RECIP;
 *   mapi_ab_resolvename($ab, [[PR_DISPLAY_NAME => name]], 0): ambiguous name resolution, the
 *     entries with a word of their name beginning with each word of name (case-insensitive);
 *     none: MAPI_E_NOT_FOUND, several: MAPI_E_AMBIGUOUS_RECIP (as grommunio-web's
 *     resolvenamesmodule meets it);
 *   mapi_ab_openentry($ab, $entryid) and mapi_getprops($entry, [tags]): the properties it has.
 * Entries come from a JSON file: [{"display_name", "smtp_address", "<field>_telephone_number"...}],
 * the field names of grommunio-web's AddressBookRecord. A missing file: MAPI_E_NO_ACCESS (the
 * address book cannot be opened).
 */
foreach ([
	'PR_ENTRYID' => 0x0FFF0102, 'PR_DISPLAY_NAME' => 0x3001001F, 'PR_EMAIL_ADDRESS' => 0x3003001F,
	'PR_SMTP_ADDRESS' => 0x39FE001F, 'PR_BUSINESS_TELEPHONE_NUMBER' => 0x3A08001F,
	'PR_HOME_TELEPHONE_NUMBER' => 0x3A09001F, 'PR_BUSINESS2_TELEPHONE_NUMBER' => 0x3A1B001F,
	'PR_MOBILE_TELEPHONE_NUMBER' => 0x3A1C001F, 'PR_PAGER_TELEPHONE_NUMBER' => 0x3A21001F,
	'PR_HOME2_TELEPHONE_NUMBER' => 0x3A2F001F, 'EMS_AB_ADDRESS_LOOKUP' => 0x00000001,
	'MAPI_E_NOT_FOUND' => 0x8004010F, 'MAPI_E_AMBIGUOUS_RECIP' => 0x80040700, 'MAPI_E_NO_ACCESS' => 0x80070005,
] as $name => $value) {
	if (!defined($name)) {
		define($name, $value);
	}
}

if (!class_exists('MAPIException')) {
	class MAPIException extends Exception
	{
	}
}

/** An opened address book: its entries as [tag => value] arrays. */
class GwAddressBook
{
	const FIELDS = [
		'display_name' => PR_DISPLAY_NAME, 'smtp_address' => PR_SMTP_ADDRESS, 'email_address' => PR_EMAIL_ADDRESS,
		'office_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER, 'business2_telephone_number' => PR_BUSINESS2_TELEPHONE_NUMBER,
		'mobile_telephone_number' => PR_MOBILE_TELEPHONE_NUMBER, 'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER,
		'home2_telephone_number' => PR_HOME2_TELEPHONE_NUMBER, 'pager_telephone_number' => PR_PAGER_TELEPHONE_NUMBER,
	];

	public array $entries = [];

	/** The address book of a JSON file, or MAPI_E_NO_ACCESS when it cannot be read. */
	public static function open(string $file): self|int
	{
		$list = is_file($file) ? json_decode((string) file_get_contents($file), true) : null;
		if (!is_array($list)) {
			return MAPI_E_NO_ACCESS;
		}
		$book = new self();
		foreach ($list as $index => $fields) {
			$entry = [PR_ENTRYID => sprintf('%032X', $index + 1)];
			foreach (self::FIELDS as $field => $tag) {
				if (isset($fields[$field])) {
					$entry[$tag] = (string) $fields[$field];
				}
			}
			$book->entries[$entry[PR_ENTRYID]] = $entry;
		}
		return $book;
	}
}

function mapi_ab_resolvename($ab, array $restrictions, int $flags = 0): array
{
	[$tag, $value] = [array_key_first($restrictions[0]), (string) reset($restrictions[0])];
	$rows = [];
	$anr = !($flags & EMS_AB_ADDRESS_LOOKUP) && $tag === PR_DISPLAY_NAME;
	foreach ($ab->entries as $entry) {
		if (isset($entry[$tag]) && ($anr ? gw_anr_matches($entry[$tag], $value) : strcasecmp($entry[$tag], $value) === 0)) {
			$rows[] = [PR_ENTRYID => $entry[PR_ENTRYID], PR_DISPLAY_NAME => $entry[PR_DISPLAY_NAME] ?? ''];
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

function mapi_ab_openentry($ab, string $entryid): array
{
	if (!isset($ab->entries[$entryid])) {
		throw new MAPIException('not found', MAPI_E_NOT_FOUND);
	}
	return $ab->entries[$entryid];
}

function mapi_getprops(array $entry, array $tags): array
{
	return array_intersect_key($entry, array_flip($tags));
}
