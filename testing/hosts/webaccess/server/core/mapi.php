<?php
/*
 * A stand-in for the MAPI extension and WebAccess' MAPISession, as far as a plugin searching
 * the contacts folder and the global address book meets them (mapi/mapidefs.php,
 * mapi/mapitags.php, server/core/class.mapisession.php getDefaultMessageStore() and
 * getAddressbook()): the same names and calls, over the host's fixed contacts (contacts.php)
 * and GAB users (mails.php). Only what WebAccess' address book module uses is there:
 * RES_CONTENT with FL_SUBSTRING | FL_IGNORECASE on one property, and queryrows.
 */
require_once dirname(__DIR__, 2) . '/contacts.php';
require_once dirname(__DIR__, 2) . '/mails.php';

// mapi/mapidefs.php
define('VALUE', 0);
define('FUZZYLEVEL', 2);
define('ULPROPTAG', 6);
define('RES_CONTENT', 3);
define('FL_SUBSTRING', 1);
define('FL_IGNORECASE', 0x10000);
// mapi/mapitags.php (PT_UNICODE); the mobile number is PR_CELLULAR_TELEPHONE_NUMBER.
define('PR_DISPLAY_NAME', HOST_PR_DISPLAY_NAME);
define('PR_BUSINESS_TELEPHONE_NUMBER', HOST_PR_BUSINESS_TELEPHONE_NUMBER);
define('PR_HOME_TELEPHONE_NUMBER', HOST_PR_HOME_TELEPHONE_NUMBER);
define('PR_MOBILE_TELEPHONE_NUMBER', HOST_PR_CELLULAR_TELEPHONE_NUMBER);
define('PR_IPM_CONTACT_ENTRYID', 0x36D10102);

/** A store, folder, address book or table of the stand-in. */
class HostMapiObject
{
	public $kind;
	public $rows;

	function __construct($kind, array $rows = array())
	{
		$this->kind = $kind;
		$this->rows = $rows;
	}
}

class HostMapiSession
{
	function getDefaultMessageStore()
	{
		return new HostMapiObject('store');
	}

	function getAddressbook()
	{
		return new HostMapiObject('addressbook');
	}
}

function mapi_msgstore_openentry($store, $entryid = null)
{
	return $entryid === null ? new HostMapiObject('root') : ($entryid === 'contacts' ? new HostMapiObject('folder', host_contact_store()) : false);
}

function mapi_getprops($object, array $tags)
{
	return $object->kind === 'root' && in_array(PR_IPM_CONTACT_ENTRYID, $tags, true) ? array(PR_IPM_CONTACT_ENTRYID => 'contacts') : array();
}

function mapi_ab_getdefaultdir($book)
{
	return 'gab';
}

function mapi_ab_openentry($book, $entryid)
{
	if ($entryid !== 'gab') {
		return false;
	}
	$tags = array('display_name' => PR_DISPLAY_NAME, 'business_telephone_number' => PR_BUSINESS_TELEPHONE_NUMBER,
		'home_telephone_number' => PR_HOME_TELEPHONE_NUMBER, 'mobile_telephone_number' => PR_MOBILE_TELEPHONE_NUMBER);
	$rows = array();
	foreach (host_gab_users() as $entry => $user) {
		foreach ($tags as $name => $tag) {
			if (isset($user[$name]) && $user[$name] !== '') {
				$rows[$entry][$tag] = $user[$name];
			}
		}
	}
	return new HostMapiObject('folder', $rows);
}

function mapi_folder_getcontentstable($folder, $flags = 0)
{
	return new HostMapiObject('table', $folder->rows);
}

/** RES_CONTENT, FL_SUBSTRING | FL_IGNORECASE, as the address book module restricts. */
function mapi_table_restrict($table, array $restriction, $flags = 0)
{
	$tag = $restriction[1][ULPROPTAG];
	$pattern = '/' . preg_quote((string) $restriction[1][VALUE], '/') . '/iu';
	$table->rows = array_filter($table->rows, function ($row) use ($tag, $pattern) {
		return isset($row[$tag]) && preg_match($pattern, $row[$tag]) === 1;
	});
	return true;
}

function mapi_table_queryrows($table, array $tags, $start, $count)
{
	$rows = array();
	foreach (array_slice(array_values($table->rows), $start, $count) as $row) {
		$rows[] = array_intersect_key($row, array_flip($tags));
	}
	return $rows;
}

$GLOBALS['mapisession'] = new HostMapiSession();
