<?php
/*
 * The MAPI extension's tables, as a WebAccess plugin meets them (Zarafa's php-ext, called as
 * server/modules/class.addressbooklistmodule.php and server/core/class.operations.php
 * getAddressbookHierarchy() call it), for the stand-in of mapi.php:
 *   mapi_table_restrict($table, $restriction [, $flags]): only the rows the restriction holds
 *     for from then on. RES_AND, RES_OR, RES_NOT, RES_CONTENT, RES_PROPERTY (RELOP_LT ... NE),
 *     RES_EXIST. RES_CONTENT compares text literally (MAPI has no wildcards: *, %, ?, \, quotes
 *     and brackets are characters like any other), whole (FL_FULLSTRING), as a part
 *     (FL_SUBSTRING) or as the beginning (FL_PREFIX), case-insensitively with FL_IGNORECASE;
 *     on a row without the property it is false. VALUE is [tag => value] or the bare value (the
 *     address book module passes both). A restriction of another shape: false, and
 *     mapi_last_hresult() MAPI_E_INVALID_PARAMETER (another type: MAPI_E_TOO_COMPLEX);
 *   mapi_table_sort($table, [tag => TABLE_SORT_ASCEND | TABLE_SORT_DESCEND] [, $flags]): text (ASCII letters)
 *     case-insensitively, a row without the property first;
 *   mapi_table_queryrows($table, [tags], $start, $count), mapi_table_queryallrows($table
 *     [, tags]), mapi_table_getrowcount($table): the rows with those of the asked properties
 *     they have (a row leaves out a property that is not set).
 * WebAccess does not load mapi/class.mapiexception.php, so the extension throws nothing: a
 * failed call returns false and mapi_last_hresult() tells why; a false handed on where a MAPI
 * object is expected is a PHP warning and false again, as the extension answers it.
 */

/** A table of the stand-in: its rows [tag => value], after the restriction and sort order set on it. */
class HostMapiTable
{
	public $rows;

	function __construct(array $rows)
	{
		$this->rows = array_values($rows);
	}
}

$GLOBALS['host_mapi_hresult'] = 0;

function mapi_last_hresult()
{
	return $GLOBALS['host_mapi_hresult'];
}

/** The call's result; false (with the error for mapi_last_hresult) when $error is not NOERROR. */
function host_mapi_result($result, $error = NOERROR)
{
	$GLOBALS['host_mapi_hresult'] = $error;
	return $error === NOERROR ? $result : false;
}

/** Whether $object is a MAPI object of $class; else a warning as the extension gives, and false. */
function host_mapi_is($object, $class, $function)
{
	if ($object instanceof $class) {
		return true;
	}
	trigger_error($function . '(): supplied argument is not a valid MAPI resource', E_USER_WARNING);
	$GLOBALS['host_mapi_hresult'] = MAPI_E_INVALID_PARAMETER;
	return false;
}

function mapi_table_restrict($table, $restriction, $flags = 0)
{
	if (!host_mapi_is($table, 'HostMapiTable', __FUNCTION__)) {
		return false;
	}
	try {
		$table->rows = array_values(array_filter($table->rows, function ($row) use ($restriction) {
			return host_restriction_holds($restriction, $row);
		}));
	} catch (HostMapiError $e) {
		return host_mapi_result(false, $e->getCode());
	}
	return host_mapi_result(true);
}

function mapi_table_sort($table, $order, $flags = 0)
{
	if (!host_mapi_is($table, 'HostMapiTable', __FUNCTION__)) {
		return false;
	}
	usort($table->rows, function ($a, $b) use ($order) {
		foreach ($order as $tag => $direction) {
			$compared = host_compare_values(isset($a[$tag]) ? $a[$tag] : null, isset($b[$tag]) ? $b[$tag] : null);
			if ($compared !== 0) {
				return $direction === TABLE_SORT_DESCEND ? -$compared : $compared;
			}
		}
		return 0;
	});
	return host_mapi_result(true);
}

function mapi_table_queryrows($table, $tags, $start, $count)
{
	if (!host_mapi_is($table, 'HostMapiTable', __FUNCTION__)) {
		return false;
	}
	$rows = array();
	foreach (array_slice($table->rows, $start, $count) as $row) {
		$rows[] = array_intersect_key($row, array_flip($tags));
	}
	return host_mapi_result($rows);
}

function mapi_table_queryallrows($table, $tags = array())
{
	return mapi_table_queryrows($table, $tags, 0, 0x7fffffff);
}

function mapi_table_getrowcount($table)
{
	return host_mapi_is($table, 'HostMapiTable', __FUNCTION__) ? host_mapi_result(count($table->rows)) : false;
}

/** A MAPI error inside the stand-in; its code is the hresult. */
class HostMapiError extends Exception
{
}

/** Whether the restriction holds for the row (MS-OXCDATA 2.12). */
function host_restriction_holds($restriction, array $row)
{
	if (!is_array($restriction) || !isset($restriction[0], $restriction[1]) || !is_int($restriction[0]) || !is_array($restriction[1])) {
		throw new HostMapiError('a restriction is [type, [...]]', MAPI_E_INVALID_PARAMETER);
	}
	list($type, $data) = $restriction;
	switch ($type) {
		case RES_AND:
		case RES_OR:
			foreach ($data as $part) {
				if (host_restriction_holds($part, $row) === ($type === RES_OR)) {
					return $type === RES_OR;
				}
			}
			return $type === RES_AND;
		case RES_NOT:
			return !host_restriction_holds(isset($data[0]) ? $data[0] : null, $row);
		case RES_CONTENT:
			return host_content_holds($data, $row);
		case RES_PROPERTY:
			return host_property_holds($data, $row);
		case RES_EXIST:
			return isset($data[ULPROPTAG]) && array_key_exists($data[ULPROPTAG], $row);
		default:
			throw new HostMapiError('restriction type ' . $type . ' is not imitated', MAPI_E_TOO_COMPLEX);
	}
}

/** The value of a RES_CONTENT or RES_PROPERTY: [tag => value] or the bare value. */
function host_restriction_value(array $data)
{
	if (!isset($data[ULPROPTAG]) || !array_key_exists(VALUE, $data)) {
		throw new HostMapiError('ULPROPTAG and VALUE are needed', MAPI_E_INVALID_PARAMETER);
	}
	$value = $data[VALUE];
	if (!is_array($value)) {
		return $value;
	}
	return array_key_exists($data[ULPROPTAG], $value) ? $value[$data[ULPROPTAG]] : reset($value);
}

/** RES_CONTENT: the text compared literally, whole, as a part or as the beginning. */
function host_content_holds(array $data, array $row)
{
	if (!isset($data[FUZZYLEVEL])) {
		throw new HostMapiError('RES_CONTENT needs FUZZYLEVEL', MAPI_E_INVALID_PARAMETER);
	}
	$wanted = host_restriction_value($data);
	$have = isset($row[$data[ULPROPTAG]]) ? $row[$data[ULPROPTAG]] : null;
	if (!is_string($wanted) || !is_string($have)) {
		return false;
	}
	// preg_quote: a MAPI restriction has no special characters.
	$quoted = preg_quote($wanted, '/');
	switch ($data[FUZZYLEVEL] & 0xFFFF) {
		case FL_SUBSTRING:
			$pattern = $quoted;
			break;
		case FL_PREFIX:
			$pattern = '\A' . $quoted;
			break;
		default:
			$pattern = '\A' . $quoted . '\z';
	}
	return preg_match('/' . $pattern . '/u' . ($data[FUZZYLEVEL] & FL_IGNORECASE ? 'i' : ''), $have) === 1;
}

/** RES_PROPERTY: the row's value compared with RELOP; a row without the property: false. */
function host_property_holds(array $data, array $row)
{
	$wanted = host_restriction_value($data);
	if (!isset($data[RELOP])) {
		throw new HostMapiError('RES_PROPERTY needs RELOP', MAPI_E_INVALID_PARAMETER);
	}
	if (!array_key_exists($data[ULPROPTAG], $row)) {
		return false;
	}
	$compared = host_compare_values($row[$data[ULPROPTAG]], $wanted);
	switch ($data[RELOP]) {
		case RELOP_LT:
			return $compared < 0;
		case RELOP_LE:
			return $compared <= 0;
		case RELOP_GT:
			return $compared > 0;
		case RELOP_GE:
			return $compared >= 0;
		case RELOP_NE:
			return $compared !== 0;
		default:
			return $compared === 0;
	}
}

/** Text case-insensitively, binary (entry ids) and other values as PHP orders them; nothing first. */
function host_compare_values($a, $b)
{
	if ($a === null || $b === null) {
		return ($a === null ? 0 : 1) - ($b === null ? 0 : 1);
	}
	if (is_string($a) && is_string($b) && preg_match('//u', $a) === 1 && preg_match('//u', $b) === 1) {
		return strcasecmp($a, $b) <=> 0;
	}
	return $a <=> $b;
}
