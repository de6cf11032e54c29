<?php
/*
 * The sample mails and global address book entries of the host, for the plugin's number links.
 * The mails' bodies are as the server sends them to the client: an HTML body after WebAccess'
 * filter (server/core/class.filter.php safeHTML, which drops scripts and event attributes:
 * host_filter_html below stands in for it), a plain body as it is. Text that looks like markup
 * is in both, to show that the plugin never parses text as HTML. Numbers carry their country
 * code: the host runs without a dial plan, so only those are numbers to the extension.
 */

/** entryid => [subject, body, isHTML]. */
function host_mails()
{
	return array(
		'm0001' => array('Call me back', "Hello,\n\nplease call me at +49 5331 939-123 or on my mobile +49 171 1234567.\n"
			. "<img src=x onerror=\"window.xssFired=1\"> is not a picture, +44 20 7946 0958 is London.\n"
			. "Order No. 12345678 of 02.12.2024 14:30, 1.234,56 EUR.\n\n-- \nAlice *Example*, https://example.com/+4930123456\n", false),
		'm0002' => array('Our numbers', '<html><head><style>p.sig { color: #555; }</style><script>window.xssFired = 1;</script></head>'
			. '<body><div class="greeting"><p>Dear team,</p>'
			. '<table id="numbers"><tr><td>Office</td><td><b>+49 5331 939-123</b></td></tr>'
			. '<tr><td>Mobile</td><td><i>+49 171</i> 1234567 (split by markup: no link)</td></tr>'
			. '<tr><td>Fax</td><td>+49 5331 939-9 <span style="color:red">fax only</span></td></tr></table>'
			. '<p onclick="window.xssFired=1">&lt;img src=x onerror="window.xssFired=1"&gt; and &lt;script&gt;window.xssFired=1&lt;/script&gt;, London +44 20 7946 0958</p>'
			. '<p>Links already: <a href="tel:+49-5331-939-0">our switchboard</a>, <a href="callto://+14155550199">Skype us</a>, '
			. '<a href="https://example.com/+4930123456">web +49 30 1234567</a></p>'
			. '<img src="x" onerror="window.xssFired=1" alt="">'
			. '<p class="sig">Price 1.234,56 EUR, order 12345678, 02.12.2024 14:30</p></div></body></html>', true),
	);
}

/**
 * A stand-in for safeHTML() (magicHTML): script and style-less dangerous elements go, so do
 * event attributes and javascript: URLs. Knowingly simpler than WebAccess' filter; enough that
 * the HTML the client writes into the mail's frame runs nothing by itself.
 */
function host_filter_html($html)
{
	$html = preg_replace('#<script\b[^>]*>.*?</script\s*>#is', '', $html);
	// Inside tags only: text that reads "onerror=" is text.
	return preg_replace_callback('#<[a-z][^>]*>#i', function ($tag) {
		$tag = preg_replace('#\s+on[a-z]+\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)#i', '', $tag[0]);
		return preg_replace('#(href|src)\s*=\s*(["\']?)\s*javascript:#i', '$1=$2#', $tag);
	}, $html);
}

/** The GAB's users as the addressbook item module sends them (gab_detail_mailuser.php's ids). */
function host_gab_users()
{
	return array(
		'g0001' => array('display_name' => 'Gabi Global', 'company_name' => 'Example Corp', 'department_name' => 'Sales',
			'business_telephone_number' => '+49 5331 939-124', 'mobile_telephone_number' => '+49 160 9876543',
			'home_telephone_number' => '', 'primary_fax_number' => '+49 5331 939-9'),
		// Only the dial box finds these (a name several entries hold).
		'g0002' => array('display_name' => 'Zoe Smith', 'account' => 'zoe', 'business_telephone_number' => '+49 30 5550215',
			'home2_telephone_number' => '+49 30 5550228'),
		'g0003' => array('display_name' => 'Smith, Mailonly', 'account' => 'mailonly'),
	);
}
