<?php
/*
 * Reads a gettext .mo file into msgid => msgstr, for the browser's dgettext(). The host does
 * not rely on system locales, which a container may not have.
 */
function host_read_mo($file)
{
	$data = file_get_contents($file);
	if ($data === false || strlen($data) < 28) {
		return array();
	}
	$magic = unpack('V', substr($data, 0, 4))[1];
	$format = $magic === 0x950412de ? 'V' : 'N';
	list(, $count, $originals, $translations) = array_values(unpack($format . '4', substr($data, 4, 16)));
	$messages = array();
	for ($i = 0; $i < $count; $i++) {
		list($length, $offset) = array_values(unpack($format . '2', substr($data, $originals + 8 * $i, 8)));
		$id = substr($data, $offset, $length);
		list($length, $offset) = array_values(unpack($format . '2', substr($data, $translations + 8 * $i, 8)));
		if ($id !== '') {
			$messages[$id] = substr($data, $offset, $length);
		}
	}
	return $messages;
}
