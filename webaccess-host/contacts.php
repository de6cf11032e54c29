<?php
/*
 * The sample contacts of the host's contact list. Numbers are in the demo dial plan's forms;
 * one name tries to inject HTML, which must show as text.
 */
function host_contacts()
{
	return array(
		'c0001' => array('display_name' => 'Bob Builder', 'company_name' => 'Example Corp',
			'business_telephone_number' => '207'),
		'c0002' => array('display_name' => 'Carol Chooser', 'company_name' => 'Many Numbers Ltd',
			'business_telephone_number' => '+49 (30) 1234-567', 'cellular_telephone_number' => '0171 555 0101',
			'home_telephone_number' => '202'),
		'c0003' => array('display_name' => '<img src=x onerror="window.xssFired=1">Mallory <b>Bold</b>',
			'company_name' => '<script>window.xssFired=1</script>', 'business_telephone_number' => '203'),
		'c0004' => array('display_name' => 'Nina No-Number', 'company_name' => 'Quiet Ltd'),
		'c0005' => array('display_name' => 'Jürgen Überall', 'company_name' => 'Umlaut GmbH',
			'office_telephone_number' => '208'),
	);
}
