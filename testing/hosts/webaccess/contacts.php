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

// The tags this host uses (mapi/mapitags.php: PT_TSTRING, which WebAccess' mapi/mapidefs.php
// defines as PT_STRING8 = 0x001E). Aliases are the same tag.
const HOST_PR_MESSAGE_CLASS = 0x001A001E;
const HOST_PR_DISPLAY_NAME = 0x3001001E;
const HOST_PR_ACCOUNT = 0x3A00001E;
const HOST_PR_CALLBACK_TELEPHONE_NUMBER = 0x3A02001E;
const HOST_PR_COMPANY_NAME = 0x3A16001E;
const HOST_PR_BUSINESS_TELEPHONE_NUMBER = 0x3A08001E;
const HOST_PR_OFFICE_TELEPHONE_NUMBER = HOST_PR_BUSINESS_TELEPHONE_NUMBER;
const HOST_PR_HOME_TELEPHONE_NUMBER = 0x3A09001E;
const HOST_PR_PRIMARY_TELEPHONE_NUMBER = 0x3A1A001E;
const HOST_PR_BUSINESS2_TELEPHONE_NUMBER = 0x3A1B001E;
const HOST_PR_CELLULAR_TELEPHONE_NUMBER = 0x3A1C001E;
const HOST_PR_MOBILE_TELEPHONE_NUMBER = HOST_PR_CELLULAR_TELEPHONE_NUMBER;
const HOST_PR_RADIO_TELEPHONE_NUMBER = 0x3A1D001E;
const HOST_PR_CAR_TELEPHONE_NUMBER = 0x3A1E001E;
const HOST_PR_OTHER_TELEPHONE_NUMBER = 0x3A1F001E;
const HOST_PR_PAGER_TELEPHONE_NUMBER = 0x3A21001E;
const HOST_PR_PRIMARY_FAX_NUMBER = 0x3A23001E;
const HOST_PR_BUSINESS_FAX_NUMBER = 0x3A24001E;
const HOST_PR_HOME_FAX_NUMBER = 0x3A25001E;
const HOST_PR_TELEX_NUMBER = 0x3A2C001E;
const HOST_PR_ISDN_NUMBER = 0x3A2D001E;
const HOST_PR_ASSISTANT_TELEPHONE_NUMBER = 0x3A2E001E;
const HOST_PR_HOME2_TELEPHONE_NUMBER = 0x3A2F001E;
const HOST_PR_TTYTDD_PHONE_NUMBER = 0x3A4B001E;
const HOST_PR_COMPANY_MAIN_PHONE_NUMBER = 0x3A57001E;

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

/**
 * The user's folders below the IPM subtree, for the MAPI stand-in (server/core/mapi.php): each
 * [display_name, container_class, items => [entryid => (tag => value)], folders => [...]], with
 * default_contacts (the folder PR_IPM_CONTACT_ENTRYID names: the contacts above, which the
 * list shows) and wastebasket (Deleted Items) marks. Items are IPM.Contact unless their
 * PR_MESSAGE_CLASS says otherwise. The other folders hold what only the dial box finds: a
 * subfolder's and another contact folder's contacts, and what it must not find (a
 * distribution list, a deleted contact folder, a note).
 */
function host_mailbox()
{
	return array(
		array('display_name' => 'Inbox', 'container_class' => 'IPF.Note'),
		array('display_name' => 'Contacts', 'container_class' => 'IPF.Contact', 'default_contacts' => true,
			'items' => host_contact_store() + array(
				'c0100' => array(HOST_PR_MESSAGE_CLASS => 'IPM.DistList', HOST_PR_DISPLAY_NAME => 'Smith family',
					HOST_PR_BUSINESS_TELEPHONE_NUMBER => '+49 30 5550220'),
			),
			'folders' => array(
				array('display_name' => 'Suppliers', 'container_class' => 'IPF.Contact', 'items' => array(
					'c0101' => array(HOST_PR_DISPLAY_NAME => 'Sam Smith', HOST_PR_BUSINESS_TELEPHONE_NUMBER => '+49 (30) 5550213',
						HOST_PR_CELLULAR_TELEPHONE_NUMBER => '+49 171 5550212', HOST_PR_BUSINESS_FAX_NUMBER => '+49 30 5550299'),
				)),
			)),
		array('display_name' => 'Club', 'container_class' => 'IPF.Contact', 'items' => array(
			'c0102' => array(HOST_PR_DISPLAY_NAME => 'Kim Smith', HOST_PR_RADIO_TELEPHONE_NUMBER => '+49 30 5550224'),
		)),
		array('display_name' => 'Deleted Items', 'container_class' => 'IPF.Note', 'wastebasket' => true, 'folders' => array(
			array('display_name' => 'Old contacts', 'container_class' => 'IPF.Contact', 'items' => array(
				'c0103' => array(HOST_PR_DISPLAY_NAME => 'Deleted Smith', HOST_PR_BUSINESS_TELEPHONE_NUMBER => '+49 30 5550226'),
			)),
		)),
		array('display_name' => 'Notes', 'container_class' => 'IPF.StickyNote', 'items' => array(
			'n0001' => array(HOST_PR_MESSAGE_CLASS => 'IPM.StickyNote', HOST_PR_DISPLAY_NAME => 'Call Smith',
				HOST_PR_BUSINESS_TELEPHONE_NUMBER => '+49 30 5550227'),
		)),
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
