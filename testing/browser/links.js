// Browser tests of the number links (click2diallinks.js) in the WebAccess host: a plain and an
// HTML mail in the read-mail dialog, the contact dialog and the GAB details dialog show their
// numbers as links whose title says what will be dialed; a click places exactly that call;
// tel: and callto: links call instead of leaving the browser; markup in a mail stays inert and
// its layout is kept. The host runs without a dial plan, so only numbers written with their
// country code are numbers (testing/hosts/webaccess/mails.php). run.js loads this file.
'use strict';
const assert = require('assert');

/** The links of a frame (or page) as [text, title]. */
const linksOf = (frame) => frame.locator('a.click2dial_link').evaluateAll((links) => links.map((a) => [a.textContent, a.title]));

async function openDialog(page, base, query) {
  const dialog = await page.context().newPage();
  await dialog.goto(base + '/dialog.php?' + query);
  return dialog;
}

/** The mail's frame once its links are in (the findnumbers reply has come back). */
async function mailFrame(dialog, count) {
  const frame = dialog.frameLocator('#html_body');
  await frame.locator('a.click2dial_link').nth(count - 1).waitFor();
  return frame;
}

/**
 * The body's markup as the host wrote it (parsed in an inert document, where nothing runs) and
 * the body the user sees with the plugin's anchors taken out again: equal when the plugin only
 * split text nodes and inserted anchors.
 */
async function layouts(dialog) {
  return dialog.evaluate(() => {
    const item = new DOMParser().parseFromString(hostItem, 'text/xml');
    let content = item.getElementsByTagName('body')[0].textContent;
    if (item.getElementsByTagName('isHTML')[0].textContent === '') {
      content = '<html><body><pre wrap style="white-space: -moz-pre-wrap; white-space: -pre-wrap; white-space: -o-pre-wrap; white-space: pre-wrap; word-wrap: break-word;">'
        + convertPlainToHtml(content) + '</pre></body></html>';
    }
    const written = new DOMParser().parseFromString(content, 'text/html').body;
    const shown = document.getElementById('html_body').contentDocument.body.cloneNode(true);
    for (const link of Array.from(shown.querySelectorAll('a.click2dial_link'))) {
      while (link.firstChild) link.parentNode.insertBefore(link.firstChild, link);
      link.remove();
    }
    shown.normalize();
    written.normalize();
    return { written: written.innerHTML, shown: shown.innerHTML };
  });
}

module.exports = function ({ test, logIn, notice, calls, clearCalls, waitForCalls, SESSION, SESSION_PBX }) {
  test('links: a plain-text mail shows its numbers as links, the title tells what is dialed, a click calls it', async ({ context, shot }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    const dialog = await openDialog(page, SESSION, 'task=readmail_standard&entryid=m0001');
    const frame = await mailFrame(dialog, 3);
    const links = await linksOf(frame);
    assert.deepStrictEqual(links.map(([text]) => text), ['+49 5331 939-123', '+49 171 1234567', '+44 20 7946 0958']);
    for (const [, title] of links) assert.match(title, /^Call \+?[0-9]+$/);
    await shot(dialog, 'plain-mail-links');
    assert.strictEqual((await calls(SESSION_PBX)).length, 0, 'showing links places no call');
    await frame.locator('a.click2dial_link', { hasText: '+49 171 1234567' }).click();
    await notice(dialog, 'Your phone will ring now');
    const recorded = await waitForCalls(SESSION_PBX, 1);
    assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['206', links[1][1].replace(/^Call /, '')]]);
    assert.match(dialog.url(), /task=readmail_standard/, 'the click did not leave the mail');
    const { written, shown } = await layouts(dialog);
    assert.strictEqual(shown, written, 'the body is as written, apart from the anchors');
    assert.strictEqual(await dialog.evaluate(() => window.xssFired || document.getElementById('html_body').contentWindow.xssFired), undefined);
  });

  test('links: an HTML mail keeps its layout, runs none of its markup, and tel:/callto: links call', async ({ context, shot }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    const dialog = await openDialog(page, SESSION, 'task=readmail_standard&entryid=m0002');
    const frame = await mailFrame(dialog, 2);
    const links = await linksOf(frame);
    const texts = links.map(([text]) => text);
    // Not a number: the price, the order number, the date and time; no links inside links; a
    // number split by markup is not found.
    assert.deepStrictEqual(texts.filter((t) => t !== '+49 5331 939-9'), ['+49 5331 939-123', '+44 20 7946 0958']);
    // The office number stays in its <b>, inside its table cell.
    assert.strictEqual(await frame.locator('#numbers b > a.click2dial_link').textContent(), '+49 5331 939-123');
    const { written, shown } = await layouts(dialog);
    assert.strictEqual(shown, written, 'the body is as written, apart from the anchors');
    // Text that looks like markup is still text.
    assert.match(await frame.locator('p', { hasText: 'London' }).textContent(), /^<img src=x onerror="window\.xssFired=1"> and <script>/);
    assert.strictEqual(await frame.locator('p img, p script').count(), 0);
    await shot(dialog, 'html-mail-links');
    await frame.locator('a.click2dial_link', { hasText: '+44 20 7946 0958' }).click();
    await notice(dialog, 'Your phone will ring now');
    await frame.locator('a[href^="tel:"]:not(.click2dial_link)').click();
    await notice(dialog, 'Your phone will ring now. Pick it up to be connected to +49-5331-939-0.');
    await frame.locator('a[href^="callto:"]').click();
    await notice(dialog, 'Your phone will ring now. Pick it up to be connected to +14155550199.');
    const recorded = await waitForCalls(SESSION_PBX, 3);
    assert.strictEqual(recorded.length, 3);
    assert.deepStrictEqual(recorded.map((call) => call.user), ['206', '206', '206']);
    assert.strictEqual(recorded[0].dialed, links[texts.indexOf('+44 20 7946 0958')][1].replace(/^Call /, ''));
    assert.match(recorded[1].dialed, /^\+?4953319390$/);
    assert.match(recorded[2].dialed, /^\+?14155550199$/);
    assert.match(dialog.url(), /task=readmail_standard/, 'no link left the mail');
    assert.strictEqual(await dialog.evaluate(() => window.xssFired || document.getElementById('html_body').contentWindow.xssFired), undefined);
  });

  test('links: a second click on a mail link within seconds places no second call', async ({ context }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    const dialog = await openDialog(page, SESSION, 'task=readmail_standard&entryid=m0001');
    const frame = await mailFrame(dialog, 3);
    await frame.locator('a.click2dial_link').first().click();
    await notice(dialog, 'Your phone will ring now');
    await frame.locator('a.click2dial_link').first().click();
    await notice(dialog, 'This number was just called');
    assert.strictEqual((await waitForCalls(SESSION_PBX, 1)).length, 1);
  });

  test('links: the contact dialog shows the contact\'s numbers as links; a click calls', async ({ context, shot }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    const dialog = await openDialog(page, SESSION, 'task=contact_standard&entryid=c0002');
    const link = dialog.locator('#telephone_number_1_click2dial a.click2dial_link');
    await link.waitFor();
    const [[text, title]] = await linksOf(dialog);
    assert.strictEqual(text, '+49 (30) 1234-567');
    assert.strictEqual(await dialog.inputValue('#telephone_number_1'), '+49 (30) 1234-567', 'the field is untouched');
    await shot(dialog, 'contact-links');
    await link.click();
    await notice(dialog, 'Your phone will ring now');
    const recorded = await waitForCalls(SESSION_PBX, 1);
    assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['206', title.replace(/^Call /, '')]]);
  });

  test('links: a GAB entry\'s details show its phone numbers (not its fax) as links; a click calls', async ({ context, shot }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    const dialog = await openDialog(page, SESSION, 'task=gab_detail_mailuser_standard&entryid=g0001');
    await dialog.locator('#mobile_telephone_number_click2dial a.click2dial_link').waitFor();
    await dialog.locator('#business_telephone_number_click2dial a.click2dial_link').waitFor();
    assert.strictEqual(await dialog.locator('#primary_fax_number_click2dial').count(), 0);
    const links = await linksOf(dialog);
    assert.deepStrictEqual(links.map(([text]) => text).sort(), ['+49 160 9876543', '+49 5331 939-124', '+49 5331 939-124']);
    await shot(dialog, 'gab-links');
    await dialog.locator('#mobile_telephone_number_click2dial a.click2dial_link').click();
    await notice(dialog, 'Your phone will ring now');
    const recorded = await waitForCalls(SESSION_PBX, 1);
    const title = await dialog.locator('#mobile_telephone_number_click2dial a.click2dial_link').getAttribute('title');
    assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['206', title.replace(/^Call /, '')]]);
  });
};
