<?php
/*
 * The read-mail dialog (dialog.php?task=readmail_standard&entryid=…), shaped as WebAccess'
 * client/layout/dialogs/standard/readmail.php where the plugin meets it: the body is the
 * iframe#html_body, and readmailitemmodule's item() writes the body into it (see
 * client/modules/readmailitemmodule.js). WebAccess gets the item from zarafa.php; the host writes
 * the same <item> into the page and hands it to item() once the plugins have started.
 */
require_once dirname(__DIR__, 4) . '/mails.php';

function readmailDialogMail()
{
	$mails = host_mails();
	$entryid = isset($_GET['entryid']) ? (string) $_GET['entryid'] : '';
	return isset($mails[$entryid]) ? $mails[$entryid] : array('', '', false);
}

function getDialogTitle()
{
	$mail = readmailDialogMail();
	return $mail[0] !== '' ? $mail[0] : 'Mail';
}

function getIncludes()
{
	return array('client/core/utils.js', 'client/modules/readmailitemmodule.js');
}

/** The item as the server's reply holds it: the HTML body filtered (safeHTML), isHTML set or empty. */
function readmailItemXml()
{
	list($subject, $body, $isHtml) = readmailDialogMail();
	$document = new DOMDocument();
	$item = $document->appendChild($document->createElement('item'));
	$item->appendChild($document->createElement('subject'))->appendChild($document->createTextNode($subject));
	$item->appendChild($document->createElement('body'))->appendChild($document->createTextNode($isHtml ? host_filter_html($body) : $body));
	$item->appendChild($document->createElement('isHTML'))->appendChild($document->createTextNode($isHtml ? '1' : ''));
	return $document->saveXML($item);
}

function getJavaScript_onload()
{
	return 'var hostItem = ' . json_encode(readmailItemXml(), JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT) . ";\n"
		. 'window.addEventListener("DOMContentLoaded", function() {
	var module = new readmailitemmodule();
	module.init(webclient.addModule(module));
	module.item(new DOMParser().parseFromString("<action>" + hostItem + "</action>", "text/xml").documentElement);
});';
}

function getBody()
{
	return '<div id="readmail"><iframe id="html_body" width="100%" height="300" frameborder="0"></iframe></div>';
}
