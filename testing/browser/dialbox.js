// Browser tests of the dial box (click2dialbox.js) in the WebAccess host: a name is looked up in
// every contact folder of the user (testing/hosts/webaccess/contacts.php host_mailbox(): a
// subfolder and another contact folder too, not Deleted Items) and the GAB (mails.php); each
// line shows "name – label: dial string" with the number as written in its tooltip; the arrow
// keys and the mouse choose a line (listbox/option roles), Enter calls the chosen line, a typed
// number, or the only line offered, and never guesses among several. The host runs without a
// dial plan, so the dial string is the number cleaned. run.js loads this file.
'use strict';
const assert = require('assert');

const OPTIONS = '#click2dial_dialbox_choices li[role="option"]';

async function openBox(page) {
  await page.click('#menubar a.menubutton.icon_click2dial_dial');
  return page.locator('#click2dial_dialbox_input');
}

/**
 * The lines offered as [text, tooltip], once there are `count` of them and, when `first` is
 * given, the first line reads so: opening the box lists the recent calls at once, so a list of
 * `count` lines may be the one from before the typed text's answer came.
 */
async function lines(page, count, first) {
  await page.locator(OPTIONS).nth(count - 1).waitFor();
  if (first !== undefined) {
    await page.waitForFunction(([selector, text]) => {
      const option = document.querySelector(selector);
      return option !== null && option.textContent === text;
    }, [OPTIONS, first]);
  }
  return page.locator(OPTIONS).evaluateAll((items) => items.map((item) => [item.textContent, item.title]));
}

// The lines for "smith": Suppliers (a subfolder of Contacts), then Club (another contact
// folder), then the GAB; not the distribution list, the deleted contact folder, the note, the
// fax number nor the GAB user without a number.
const SMITH = [
  ['Sam Smith \u2013 Business: +49305550213', '+49 (30) 5550213'],
  ['Sam Smith \u2013 Mobile: +491715550212', '+49 171 5550212'],
  ['Kim Smith \u2013 Radio: +49305550224', '+49 30 5550224'],
  ['Zoe Smith \u2013 Business: +49305550215', '+49 30 5550215'],
  ['Zoe Smith \u2013 Home 2: +49305550228', '+49 30 5550228'],
];

module.exports = function ({ test, logIn, notice, calls, clearCalls, waitForCalls, SESSION, SESSION_PBX }) {
  test('dial box: a name lists the numbers of every contact folder and the GAB, with their dial strings, as a listbox; a click calls one', async ({ context, shot }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    const input = await openBox(page);
    assert.strictEqual(await input.getAttribute('placeholder'), 'Call a number or name');
    assert.strictEqual(await input.getAttribute('role'), 'combobox');
    await input.fill('smith');
    assert.deepStrictEqual(await lines(page, SMITH.length, SMITH[0][0]), SMITH);
    assert.strictEqual(await page.locator(OPTIONS).count(), SMITH.length);
    assert.strictEqual(await page.getAttribute('#click2dial_dialbox_choices', 'role'), 'listbox');
    assert.strictEqual(await input.getAttribute('aria-expanded'), 'true');
    await shot(page, 'dial-box-smith');
    await page.locator(OPTIONS, { hasText: 'Kim Smith' }).hover();
    assert.strictEqual(await page.locator(OPTIONS, { hasText: 'Kim Smith' }).getAttribute('aria-selected'), 'true');
    await page.locator(OPTIONS, { hasText: 'Kim Smith' }).click();
    await notice(page, 'Your phone will ring now. Pick it up to be connected to +49 30 5550224.');
    const recorded = await waitForCalls(SESSION_PBX, 1);
    assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['206', '+49305550224']]);
  });

  test('dial box: Enter among several lines calls nothing; ArrowDown twice and Enter calls exactly the second line', async ({ context }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'carol', 'secret');
    const input = await openBox(page);
    await input.fill('smith');
    await lines(page, SMITH.length, SMITH[0][0]);
    await input.press('Enter');
    assert.strictEqual(await page.locator('#click2dial_notice').count(), 0, 'no call, no message');
    assert.strictEqual(await page.locator(OPTIONS).count(), SMITH.length, 'the lines stay');
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    const chosen = page.locator(`${OPTIONS}[aria-selected="true"]`);
    assert.strictEqual(await chosen.count(), 1);
    assert.strictEqual(await chosen.textContent(), SMITH[1][0]);
    assert.strictEqual(await input.getAttribute('aria-activedescendant'), await chosen.getAttribute('id'));
    await input.press('Enter');
    await notice(page, 'Your phone will ring now. Pick it up to be connected to +49 171 5550212.');
    const recorded = await waitForCalls(SESSION_PBX, 1);
    assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['202', '+491715550212']]);
    assert.strictEqual(await input.inputValue(), '', 'the box is emptied for the next call');
  });

  test('dial box: a name with a single line (in another contact folder) is called by Enter, even before the lines are shown', async ({ context }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'bob', '1234');
    const input = await openBox(page);
    await input.fill('kim smith');
    await input.press('Enter');
    await notice(page, 'Your phone will ring now. Pick it up to be connected to +49 30 5550224.');
    await input.fill('jürgen');
    assert.deepStrictEqual(await lines(page, 1, 'Jürgen Überall \u2013 Business: 208'), [['Jürgen Überall \u2013 Business: 208', '']]);
    await input.press('Enter');
    await notice(page, 'Your phone will ring now. Pick it up to be connected to 208.');
    const recorded = await waitForCalls(SESSION_PBX, 2);
    assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['207', '+49305550224'], ['207', '208']]);
  });

  test('dial box: a typed number is called by Enter; the numbers called come first next time, under "Recent calls"; no match says so', async ({ context, shot }) => {
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    let input = await openBox(page);
    await input.fill('carol');
    await page.locator(OPTIONS, { hasText: 'Carol Chooser \u2013 Mobile' }).click();
    await notice(page, 'Your phone will ring now. Pick it up to be connected to 0171 555 0101.');
    await input.fill('205');
    await input.press('Enter');
    await notice(page, 'Your phone will ring now. Pick it up to be connected to 205.');
    const recorded = await waitForCalls(SESSION_PBX, 2);
    assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['206', '01715550101'], ['206', '205']]);
    // Open again: the numbers just called come first, newest first (then those of other tests).
    await page.click('#menubar a.menubutton.icon_click2dial_dial');
    input = await openBox(page);
    const recent = await lines(page, 2);
    assert.deepStrictEqual(recent.slice(0, 2), [['205', ''], ['01715550101', '0171 555 0101']]);
    assert.strictEqual(await page.locator('#click2dial_dialbox_choices .click2dial_dialbox_heading').first().textContent(), 'Recent calls');
    await input.fill('nobody here');
    await page.locator('#click2dial_dialbox_choices .click2dial_dialbox_message').waitFor();
    assert.strictEqual(await page.locator('#click2dial_dialbox_choices .click2dial_dialbox_message').textContent(),
      'No one of this name has a phone number in your contacts or the address book.');
    await shot(page, 'dial-box-no-match');
  });
};
