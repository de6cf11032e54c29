<?php
/*
 * The phone numbers of an address book entry found by its e-mail address: what the hover card's
 * "Call" needs, since a mail's sender or recipient carries no phone fields (reference section
 * 2.5). One exact lookup in the user's address book (the global address list and the contact
 * folders grommunio-web adds to it), the way grommunio-web's resolvenamesmodule resolves an
 * address: mapi_ab_resolvename with EMS_AB_ADDRESS_LOOKUP on PR_SMTP_ADDRESS, then
 * PR_EMAIL_ADDRESS; then the entry's phone properties. Whether a number may be dialed is still
 * the extension's decision when it is called.
 */
class Click2DialAddressBook
{
	/** The address book's phone properties, under the field names of grommunio-web's AddressBookRecord. */
	public static function phoneProperties(): array
	{
		return [
			'office_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER,
			'business2_telephone_number' => PR_BUSINESS2_TELEPHONE_NUMBER,
			'mobile_telephone_number' => PR_MOBILE_TELEPHONE_NUMBER,
			'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER,
			'home2_telephone_number' => PR_HOME2_TELEPHONE_NUMBER,
			'pager_telephone_number' => PR_PAGER_TELEPHONE_NUMBER,
		];
	}

	/**
	 * ['display_name' => string, 'numbers' => [field => number]] of the one entry with that
	 * address, or null when there is none (or several).
	 */
	public static function entry($addressBook, string $address): ?array
	{
		$row = self::resolve($addressBook, $address);
		if ($row === null || !isset($row[PR_ENTRYID])) {
			return null;
		}
		return self::numbersOf($addressBook, $row);
	}

	/** ['display_name', 'numbers' => [field => number]] of a resolved row. */
	private static function numbersOf($addressBook, array $row): array
	{
		$props = mapi_getprops(mapi_ab_openentry($addressBook, $row[PR_ENTRYID]), array_merge([PR_DISPLAY_NAME], array_values(self::phoneProperties())));
		$numbers = [];
		foreach (self::phoneProperties() as $field => $tag) {
			if (isset($props[$tag]) && is_string($props[$tag]) && trim($props[$tag]) !== '') {
				$numbers[$field] = trim($props[$tag]);
			}
		}
		return ['display_name' => (string) ($props[PR_DISPLAY_NAME] ?? $row[PR_DISPLAY_NAME] ?? ''), 'numbers' => $numbers];
	}

	/** The row of the entry with that address, by SMTP address first; null when not found or ambiguous. */
	private static function resolve($addressBook, string $address): ?array
	{
		foreach ([PR_SMTP_ADDRESS, PR_EMAIL_ADDRESS] as $property) {
			try {
				$rows = mapi_ab_resolvename($addressBook, [[$property => $address]], EMS_AB_ADDRESS_LOOKUP);
			} catch (MAPIException $e) {
				if ($e->getCode() == MAPI_E_NOT_FOUND || $e->getCode() == MAPI_E_AMBIGUOUS_RECIP) {
					continue;
				}
				throw $e;
			}
			if (is_array($rows) && count($rows) === 1) {
				return $rows[0];
			}
		}
		return null;
	}
}
