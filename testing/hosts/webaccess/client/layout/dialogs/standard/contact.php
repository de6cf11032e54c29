<?php
/*
 * The contact dialog (dialog.php?task=contact_standard&entryid=…), shaped as WebAccess'
 * client/layout/dialogs/standard/contact.php where the plugin meets it: display_name and fileas,
 * one hidden input per phone property, named as the dialog names them (office_telephone_number
 * holds the business number; there is no business_telephone_number field), and the four visible
 * phone fields telephone_number_1..4 (Business, Home, Business Fax, Mobile), whose changes
 * updatePhoneNumberFields() copies into the hidden field their selected_phone_N names. WebAccess
 * fills the fields from the contact item module's reply; the host writes the values in at once
 * and then fires the item module's hook (getJavaScript_onload).
 */

function contactDialogProps()
{
	$contacts = host_contacts();
	$entryid = isset($_GET['entryid']) ? (string) $_GET['entryid'] : '';
	return isset($contacts[$entryid]) ? $contacts[$entryid] : array();
}

function getDialogTitle()
{
	$props = contactDialogProps();
	return isset($props['display_name']) ? $props['display_name'] : 'Contact';
}

function getMenuButtons()
{
	return array(
		array('id' => 'save', 'name' => 'Save', 'title' => 'Save', 'callback' => 'function(){}'),
		array('id' => 'seperator', 'name' => '', 'title' => '', 'callback' => ''),
	);
}

/**
 * WebAccess' contact item module (ItemModule.item()) fires client.module.itemmodule.item.before
 * with the item, then fills the fields from it; the host's fields are filled already, so the
 * hook only runs once the plugins have started.
 */
function getJavaScript_onload()
{
	return 'window.addEventListener("DOMContentLoaded", function() {
	var message = new DOMParser().parseFromString("<item/>", "text/xml").documentElement;
	webclient.pluginManager.triggerHook("client.module.itemmodule.item.before", {message: message});
});';
}

function getBody()
{
	$props = contactDialogProps();
	$value = function ($id) use ($props) {
		return h(isset($props[$id]) ? $props[$id] : '');
	};
	$hidden = array('fileas', 'assistant_telephone_number', 'business2_telephone_number', 'office_telephone_number',
		'callback_telephone_number', 'car_telephone_number', 'company_telephone_number', 'home_telephone_number',
		'home2_telephone_number', 'cellular_telephone_number', 'other_telephone_number', 'pager_telephone_number',
		'primary_telephone_number', 'radio_telephone_number', 'telex_telephone_number', 'ttytdd_telephone_number',
		'isdn_number', 'home_fax_number', 'primary_fax_number', 'business_fax_number');
	$body = '';
	foreach ($hidden as $id) {
		$body .= '<input id="' . $id . '" type="hidden" value="' . $value($id) . '">' . "\n";
	}
	$visible = array(1 => array('office', 'Business'), 2 => array('home', 'Home'), 3 => array('business_fax', 'Business Fax'),
		4 => array('cellular', 'Mobile'));
	$rows = '<tr><th>Name</th><td><input id="display_name" class="field" type="text" value="' . $value('display_name') . '"></td></tr>'
		. '<tr><th>Company</th><td><input id="company_name" class="field" type="text" value="' . $value('company_name') . '"></td></tr>';
	foreach ($visible as $n => $phone) {
		list($selected, $label) = $phone;
		$field = in_array($selected . '_telephone_number', $hidden, true) ? $selected . '_telephone_number' : $selected . '_number';
		$body .= '<input id="selected_phone_' . $n . '" type="hidden" value="' . $selected . '">' . "\n";
		$rows .= '<tr><th>' . h($label) . '</th><td><input id="telephone_number_' . $n . '" class="field" type="text"'
			. ' value="' . $value($field) . '" onchange="updatePhoneNumberFields();"></td></tr>';
	}
	return $body . '<table class="contact">' . $rows . '</table>'
		. '<script>
function updatePhoneNumberFields()
{
	for (var i = 1; i <= 4; i++) {
		var selected = document.getElementById("selected_phone_" + i).value;
		var hidden = document.getElementById(selected + "_telephone_number") || document.getElementById(selected + "_number");
		hidden.value = document.getElementById("telephone_number_" + i).value;
	}
}
</script>';
}
