/*
 * WebAccess' client/core/utils.js, the part the read-mail view uses: convertPlainToHtml()
 * escapes a plain body (& < >) and turns *bold*, e-mail addresses and URLs into markup and
 * anchors, as WebAccess does (its own patterns, reduced); convertAnchors() is left out.
 */

function convertPlainToHtml(content)
{
	content = content.replace(/&/g, "&amp;");
	content = content.replace(/</g, "&lt;");
	content = content.replace(/>/g, "&gt;");
	content = content.replace(/(^|\s)(\*[^\*_\n\r\s][^\*_\n\r]+[^\*_\n\r\s]\*)($|\s)/ig, "$1<strong>$2</strong>$3");
	content = content.replace(/(^|\b|\s)([a-z0-9_'+*$%\^!\.\-]+\@(?:[a-z0-9\-]+\.)+[a-z]{2,})($|[\s,;>\]\)])/ig,
		"$1<a href=\"mailto:$2\">$2</a>$3");
	content = content.replace(/((https?|ftp):\/\/[a-z0-9\-\.]+(:[0-9]{1,5})?(\/([a-z0-9\-_#@\?=%+;:\.~\$!\*'\(\),]|&amp;)*)*)/ig,
		"<a href=\"$1\" target=\"_blank\">$1</a>");
	return content;
}
