<?php
/*
 * Stand-ins for php-mapi's objects, properties and tables, written from MAPI's documented
 * behaviour (MS-OXCDATA restrictions, MS-OXCTABL tables, MS-OXPROPS tags, PT_UNICODE strings)
 * and the constant values of php-mapi's mapidefs.php; shared by the address book
 * (mapi-addressbook.php) and the message store (mapi-store.php) stand-ins:
 *   mapi_getprops($object, [tags]): the properties the object has, a missing one is absent;
 *   mapi_folder_getcontentstable($container, $flags): the rows of a folder's items or of an
 *     address book container's entries;
 *   mapi_table_restrict($table, $restriction, $flags): only the rows the restriction holds for
 *     from then on. RES_AND, RES_OR, RES_NOT, RES_CONTENT, RES_PROPERTY (RELOP_*), RES_EXIST;
 *     RES_CONTENT compares text literally (MAPI has no wildcards: *, %, ?, \, quotes and
 *     brackets are characters like any other): FL_FULLSTRING, FL_SUBSTRING or FL_PREFIX, with
 *     FL_IGNORECASE case-insensitive, on a row without the property false. VALUE is [tag =>
 *     value] or the bare value, as php-mapi takes both. A restriction not built as php-mapi
 *     reads it: MAPIException MAPI_E_INVALID_PARAMETER; another restriction type:
 *     MAPI_E_TOO_COMPLEX (not imitated);
 *   mapi_table_sort($table, [tag => TABLE_SORT_ASCEND|TABLE_SORT_DESCEND], $flags): text sorts
 *     case-insensitively (ASCII letters), a row without the property first;
 *   mapi_table_queryrows($table, [tags], $start, $count), mapi_table_queryallrows($table, [tags]),
 *     mapi_table_getrowcount($table): rows with the asked properties they have.
 * Entry ids are binary strings, as MAPI's are.
 */
foreach ([
	'RES_AND' => 0, 'RES_OR' => 1, 'RES_NOT' => 2, 'RES_CONTENT' => 3, 'RES_PROPERTY' => 4, 'RES_EXIST' => 8,
	'RELOP_LT' => 0, 'RELOP_LE' => 1, 'RELOP_GT' => 2, 'RELOP_GE' => 3, 'RELOP_EQ' => 4, 'RELOP_NE' => 5,
	'FL_FULLSTRING' => 0x00000000, 'FL_SUBSTRING' => 0x00000001, 'FL_PREFIX' => 0x00000002,
	'FL_IGNORECASE' => 0x00010000, 'FL_IGNORENONSPACE' => 0x00020000, 'FL_LOOSE' => 0x00040000,
	'VALUE' => 0, 'RELOP' => 1, 'FUZZYLEVEL' => 2, 'ULPROPTAG' => 6,
	'TABLE_SORT_ASCEND' => 0x00000000, 'TABLE_SORT_DESCEND' => 0x00000001,
	'MAPI_DEFERRED_ERRORS' => 0x00000008, 'TBL_BATCH' => 0x00000002, 'CONVENIENT_DEPTH' => 0x00000001,
	'MAPI_STORE' => 0x00000001, 'MAPI_FOLDER' => 0x00000003, 'MAPI_ABCONT' => 0x00000004, 'MAPI_MESSAGE' => 0x00000005,
	'MAPI_MAILUSER' => 0x00000006, 'MAPI_DISTLIST' => 0x00000008, 'DT_MAILUSER' => 0x00000000,
	'PR_ENTRYID' => 0x0FFF0102, 'PR_OBJECT_TYPE' => 0x0FFE0003, 'PR_DISPLAY_NAME' => 0x3001001F,
	'MAPI_E_NOT_FOUND' => 0x8004010F, 'MAPI_E_AMBIGUOUS_RECIP' => 0x80040700, 'MAPI_E_NO_ACCESS' => 0x80070005,
	'MAPI_E_INVALID_PARAMETER' => 0x80070057, 'MAPI_E_TOO_COMPLEX' => 0x80040117,
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

/** A MAPI object of the stand-in: its properties [tag => value]. */
class GwMapiObject
{
	public function __construct(public array $props = [])
	{
	}

	/** The rows of its contents table (a folder's items, a container's entries); none by default. */
	public function contentsRows(): array
	{
		throw new MAPIException('no contents table', MAPI_E_NO_ACCESS);
	}
}

/** A table: its rows, after the restriction and the sort order set on it. */
class GwMapiTable
{
	public function __construct(public array $rows)
	{
	}
}

/** A binary entry id: kind and number, never text a plugin could take for a name. */
function gw_entryid(string $kind, int $number): string
{
	return hex2bin('00000000' . substr(md5($kind), 0, 24) . sprintf('%08X', $number));
}

function mapi_getprops(GwMapiObject $object, array $tags): array
{
	return array_intersect_key($object->props, array_flip($tags));
}

function mapi_folder_getcontentstable(GwMapiObject $container, int $flags = 0): GwMapiTable
{
	return new GwMapiTable($container->contentsRows());
}

function mapi_table_restrict(GwMapiTable $table, array $restriction, int $flags = 0): bool
{
	$table->rows = array_values(array_filter($table->rows, fn (array $row) => gw_restriction_holds($restriction, $row)));
	return true;
}

function mapi_table_sort(GwMapiTable $table, array $order, int $flags = 0): bool
{
	usort($table->rows, function (array $a, array $b) use ($order) {
		foreach ($order as $tag => $direction) {
			$compared = gw_compare_values($a[$tag] ?? null, $b[$tag] ?? null);
			if ($compared !== 0) {
				return $direction === TABLE_SORT_DESCEND ? -$compared : $compared;
			}
		}
		return 0;
	});
	return true;
}

function mapi_table_queryrows(GwMapiTable $table, array $tags, int $start, int $count): array
{
	return array_map(fn (array $row) => array_intersect_key($row, array_flip($tags)), array_slice($table->rows, $start, $count));
}

function mapi_table_queryallrows(GwMapiTable $table, array $tags): array
{
	return mapi_table_queryrows($table, $tags, 0, count($table->rows));
}

function mapi_table_getrowcount(GwMapiTable $table): int
{
	return count($table->rows);
}

/** Whether the restriction holds for the row (MS-OXCDATA 2.12). */
function gw_restriction_holds(array $restriction, array $row): bool
{
	[$type, $data] = gw_restriction_parts($restriction);
	switch ($type) {
		case RES_AND:
		case RES_OR:
			foreach ($data as $part) {
				$holds = gw_restriction_holds(gw_restriction_array($part), $row);
				if ($holds === ($type === RES_OR)) {
					return $holds;
				}
			}
			return $type === RES_AND;
		case RES_NOT:
			return !gw_restriction_holds(gw_restriction_array($data[0] ?? null), $row);
		case RES_CONTENT:
			return gw_content_holds($data, $row);
		case RES_PROPERTY:
			return gw_property_holds($data, $row);
		case RES_EXIST:
			return isset($data[ULPROPTAG]) && array_key_exists($data[ULPROPTAG], $row);
		default:
			throw new MAPIException('restriction type ' . $type . ' is not imitated', MAPI_E_TOO_COMPLEX);
	}
}

/** [type, data] of a restriction as php-mapi reads it (PHPArraytoSRestriction). */
function gw_restriction_parts(array $restriction): array
{
	if (!isset($restriction[0], $restriction[1]) || !is_int($restriction[0]) || !is_array($restriction[1])) {
		throw new MAPIException('a restriction is [type, [...]]', MAPI_E_INVALID_PARAMETER);
	}
	return [$restriction[0], $restriction[1]];
}

function gw_restriction_array(mixed $part): array
{
	if (!is_array($part)) {
		throw new MAPIException('a restriction is an array', MAPI_E_INVALID_PARAMETER);
	}
	return $part;
}

/** The value of a RES_CONTENT or RES_PROPERTY: [tag => value] or the bare value. */
function gw_restriction_value(array $data): mixed
{
	if (!isset($data[ULPROPTAG]) || !array_key_exists(VALUE, $data)) {
		throw new MAPIException('ULPROPTAG and VALUE are needed', MAPI_E_INVALID_PARAMETER);
	}
	$value = $data[VALUE];
	return is_array($value) ? ($value[$data[ULPROPTAG]] ?? reset($value)) : $value;
}

/** RES_CONTENT: the text compared literally, whole, as a part or as the beginning. */
function gw_content_holds(array $data, array $row): bool
{
	if (!isset($data[FUZZYLEVEL])) {
		throw new MAPIException('RES_CONTENT needs FUZZYLEVEL', MAPI_E_INVALID_PARAMETER);
	}
	$wanted = gw_restriction_value($data);
	$have = $row[$data[ULPROPTAG]] ?? null;
	if (!is_string($wanted) || !is_string($have)) {
		return false;
	}
	// The text as it is (preg_quote): a MAPI restriction has no special characters.
	$pattern = match ($data[FUZZYLEVEL] & 0xFFFF) {
		FL_SUBSTRING => preg_quote($wanted, '/'),
		FL_PREFIX => '\\A' . preg_quote($wanted, '/'),
		default => '\\A' . preg_quote($wanted, '/') . '\\z',
	};
	return preg_match('/' . $pattern . '/u' . ($data[FUZZYLEVEL] & FL_IGNORECASE ? 'i' : ''), $have) === 1;
}

/** RES_PROPERTY: the row's value compared with RELOP; a row without it: false. */
function gw_property_holds(array $data, array $row): bool
{
	$wanted = gw_restriction_value($data);
	if (!isset($data[RELOP])) {
		throw new MAPIException('RES_PROPERTY needs RELOP', MAPI_E_INVALID_PARAMETER);
	}
	if (!array_key_exists($data[ULPROPTAG], $row)) {
		return false;
	}
	$compared = gw_compare_values($row[$data[ULPROPTAG]], $wanted);
	return match ($data[RELOP]) {
		RELOP_LT => $compared < 0,
		RELOP_LE => $compared <= 0,
		RELOP_GT => $compared > 0,
		RELOP_GE => $compared >= 0,
		RELOP_NE => $compared !== 0,
		default => $compared === 0,
	};
}

/** Text case-insensitively, other values as PHP orders them; nothing before anything. */
function gw_compare_values(mixed $a, mixed $b): int
{
	if ($a === null || $b === null) {
		return ($a === null ? 0 : 1) - ($b === null ? 0 : 1);
	}
	if (is_string($a) && is_string($b)) {
		return strcasecmp($a, $b) <=> 0;
	}
	return $a <=> $b;
}
