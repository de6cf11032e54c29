<?php
/*
 * The sample contacts of the host, kept as MAPI properties (by property tag, as in the store) and
 * turned into the named properties the client sees the way WebAccess' Properties::
 * getContactProperties() does (server/core/class.properties.php). Several names can stand for one
 * tag: PR_OFFICE_TELEPHONE_NUMBER is PR_BUSINESS_TELEPHONE_NUMBER (mapi/mapitags.php), so a
 * business number reaches the client twice, as business_telephone_number and as
 * office_telephone_number, with the same value. A property that is not set is left out, as a MAPI
 * row leaves it out. Numbers are in the demo dial plan's forms; one name tries to inject HTML,
 * which must show as text.
 */

// The tags this host uses (mapi/mapitags.php; PT_UNICODE = 0x001F). Aliases are the same tag.
const HOST_PR_DISPLAY_NAME = 0x3001001F;
const HOST_PR_COMPANY_NAME = 0x3A16001F;
const HOST_PR_BUSINESS_TELEPHONE_NUMBER = 0x3A08001F;
const HOST_PR_OFFICE_TELEPHONE_NUMBER = HOST_PR_BUSINESS_TELEPHONE_NUMBER;
const HOST_PR_HOME_TELEPHONE_NUMBER = 0x3A09001F;
const HOST_PR_PRIMARY_TELEPHONE_NUMBER = 0x3A1A001F;
const HOST_PR_BUSINESS2_TELEPHONE_NUMBER = 0x3A1B001F;
const HOST_PR_CELLULAR_TELEPHONE_NUMBER = 0x3A1C001F;
const HOST_PR_CAR_TELEPHONE_NUMBER = 0x3A1E001F;
const HOST_PR_OTHER_TELEPHONE_NUMBER = 0x3A1F001F;
const HOST_PR_ASSISTANT_TELEPHONE_NUMBER = 0x3A2E001F;
const HOST_PR_HOME2_TELEPHONE_NUMBER = 0x3A2F001F;
const HOST_PR_COMPANY_MAIN_PHONE_NUMBER = 0x3A57001F;
const HOST_PR_BUSINESS_FAX_NUMBER = 0x3A24001F;

/** Name => tag, in the order and with the names of getContactProperties() (the part used here). */
function host_contact_properties()
{
	return array(
		'display_name' => HOST_PR_DISPLAY_NAME,
		'home_telephone_number' => HOST_PR_HOME_TELEPHONE_NUMBER,
		'cellular_telephone_number' => HOST_PR_CELLULAR_TELEPHONE_NUMBER,
		'office_telephone_number' => HOST_PR_OFFICE_TELEPHONE_NUMBER,
		'business_fax_number' => HOST_PR_BUSINESS_FAX_NUMBER,
		'company_name' => HOST_PR_COMPANY_NAME,
		'assistant_telephone_number' => HOST_PR_ASSISTANT_TELEPHONE_NUMBER,
		'business_telephone_number' => HOST_PR_BUSINESS_TELEPHONE_NUMBER,
		'business2_telephone_number' => HOST_PR_BUSINESS2_TELEPHONE_NUMBER,
		'car_telephone_number' => HOST_PR_CAR_TELEPHONE_NUMBER,
		'company_telephone_number' => HOST_PR_COMPANY_MAIN_PHONE_NUMBER,
		'home2_telephone_number' => HOST_PR_HOME2_TELEPHONE_NUMBER,
		'other_telephone_number' => HOST_PR_OTHER_TELEPHONE_NUMBER,
		'primary_telephone_number' => HOST_PR_PRIMARY_TELEPHONE_NUMBER,
	);
}

/** The contacts as the store holds them: entryid => (tag => value). */
function host_contact_store()
{
	return array(
		'c0001' => array(HOST_PR_DISPLAY_NAME => 'Bob Builder', HOST_PR_COMPANY_NAME => 'Example Corp',
			HOST_PR_BUSINESS_TELEPHONE_NUMBER => '207'),
		'c0002' => array(HOST_PR_DISPLAY_NAME => 'Carol Chooser', HOST_PR_COMPANY_NAME => 'Many Numbers Ltd',
			HOST_PR_BUSINESS_TELEPHONE_NUMBER => '+49 (30) 1234-567', HOST_PR_CELLULAR_TELEPHONE_NUMBER => '0171 555 0101',
			HOST_PR_HOME_TELEPHONE_NUMBER => '202'),
		'c0003' => array(HOST_PR_DISPLAY_NAME => '<img src=x onerror="window.xssFired=1">Mallory <b>Bold</b>',
			HOST_PR_COMPANY_NAME => '<script>window.xssFired=1</script>', HOST_PR_BUSINESS_TELEPHONE_NUMBER => '203'),
		'c0004' => array(HOST_PR_DISPLAY_NAME => 'Nina No-Number', HOST_PR_COMPANY_NAME => 'Quiet Ltd'),
		'c0005' => array(HOST_PR_DISPLAY_NAME => 'Jürgen Überall', HOST_PR_COMPANY_NAME => 'Umlaut GmbH',
			HOST_PR_OFFICE_TELEPHONE_NUMBER => '208'),
		// The same numbers under more than one label, written differently.
		'c0006' => array(HOST_PR_DISPLAY_NAME => 'Dora Doubled', HOST_PR_COMPANY_NAME => 'Echo AG',
			HOST_PR_BUSINESS_TELEPHONE_NUMBER => '+49 (30) 1234-568', HOST_PR_COMPANY_MAIN_PHONE_NUMBER => '+49 30 1234 568',
			HOST_PR_CELLULAR_TELEPHONE_NUMBER => '0171 555 0102', HOST_PR_PRIMARY_TELEPHONE_NUMBER => '0171-555-0102',
			HOST_PR_HOME_TELEPHONE_NUMBER => '209', HOST_PR_OTHER_TELEPHONE_NUMBER => '209'),
	);
}

/** One contact's named properties, as the client receives them. */
function host_contact_props(array $row)
{
	$props = array();
	foreach (host_contact_properties() as $name => $tag) {
		if (isset($row[$tag])) {
			$props[$name] = $row[$tag];
		}
	}
	return $props;
}

/** entryid => named properties, for the list and the dialog. */
function host_contacts()
{
	return array_map('host_contact_props', host_contact_store());
}
