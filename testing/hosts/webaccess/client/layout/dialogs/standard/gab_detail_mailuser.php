<?php
/*
 * The global address book's details dialog of a user (dialog.php?task=gab_detail_mailuser_standard
 * &entryid=…), shaped as WebAccess' client/layout/dialogs/standard/gab_detail_mailuser.php where
 * the plugin meets it: input fields named by property (display_name, company_name, phone, and on
 * the Phone/Notes tab business_telephone_number, home_telephone_number, primary_fax_number,
 * mobile_telephone_number, pager_telephone_number), filled by addressbookitemmodule's item() from
 * the item (client/modules/addressbookitemmodule.js). As in readmail.php the host writes the item
 * into the page instead of sending it from zarafa.php.
 */
require_once dirname(__DIR__, 4) . '/mails.php';

function gabDialogUser()
{
	$users = host_gab_users();
	$entryid = isset($_GET['entryid']) ? (string) $_GET['entryid'] : '';
	return isset($users[$entryid]) ? $users[$entryid] : array();
}

function getDialogTitle()
{
	return 'Details';
}

function getIncludes()
{
	return array('client/modules/addressbookitemmodule.js');
}

/** The item: object_type MAPI_MAILUSER (6), phone = the business number as setDoubleFields() copies it. */
function gabItemXml()
{
	$user = gabDialogUser();
	$document = new DOMDocument();
	$item = $document->appendChild($document->createElement('item'));
	$item->appendChild($document->createElement('object_type'))->appendChild($document->createTextNode('6'));
	if (isset($user['business_telephone_number'])) {
		$user['phone'] = $user['business_telephone_number'];
	}
	foreach ($user as $name => $value) {
		$item->appendChild($document->createElement($name))->appendChild($document->createTextNode($value));
	}
	return $document->saveXML($item);
}

function getJavaScript_onload()
{
	return 'var hostItem = ' . json_encode(gabItemXml(), JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT) . ";\n"
		. 'window.addEventListener("DOMContentLoaded", function() {
	var module = new addressbookitemmodule();
	module.init(webclient.addModule(module));
	module.item(new DOMParser().parseFromString("<action>" + hostItem + "</action>", "text/xml").documentElement);
});';
}

function getBody()
{
	$row = function ($label, $id) {
		return '<tr><td class="abitem_label">' . h($label) . '</td><td class="abitem_value"><input id="' . $id
			. '" class="abitem_field" type="text"></td></tr>';
	};
	return '<table class="abitem">' . $row('Display', 'display_name') . $row('Company', 'company_name')
		. $row('Department', 'department_name') . $row('Phone', 'phone') . '</table>'
		. '<table class="abitem phone_notes">' . $row('Business', 'business_telephone_number') . $row('Home', 'home_telephone_number')
		. $row('Fax', 'primary_fax_number') . $row('Mobile', 'mobile_telephone_number') . $row('Pager', 'pager_telephone_number')
		. '</table>';
}
