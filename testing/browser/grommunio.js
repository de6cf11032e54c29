// Browser tests of the click2dial grommunio-web plugin (grommunio-web/) in headless Chromium,
// inside a grommunio-web client: the test host's stand-in client, or grommunio-web's real client
// from an installed tree (testing/hosts/grommunio-web/, started by testing/browser/run-grommunio).
// The same tests must pass on both. They drive the client's own UI classes (ContactContextMenu,
// ContactToolbar, ...) on records they make, and check what the sipXconfig emulator recorded.
// Prints "browser (grommunio-web): N passed, N failed" last.
'use strict';
const { chromium } = require('playwright-core');
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const HOST = process.env.C2D_GW_URL;            // the host, credentials = session
const ATTACKER = process.env.C2D_GW_ATTACKER;   // a page on another origin
const PBX = process.env.C2D_GW_CONTROL;         // its emulator's control URL
const HOST_LOG = process.env.C2D_GW_PHP_LOG;    // the host's PHP error log
const SHOT_DIR = process.env.C2D_SHOT_DIR || path.join(__dirname, '..', '..', '.run', 'browser-grommunio-screenshots');

const STORED = process.env.C2D_GW_STORED_URL;           // a host with credentials = stored
const STORED_PBX = process.env.C2D_GW_STORED_CONTROL;   // its emulator
const STORED_TOKENS = process.env.C2D_GW_STORED_CREDENTIALS; // where its extension keeps the sealed PINs

const calls = async (pbx) => (await fetch((pbx || PBX) + '/calls')).json();
const clearCalls = (pbx) => fetch((pbx || PBX) + '/calls', { method: 'DELETE' });
// How the emulator's next call goes: {ring_ms, answer, talk_ms, times}.
const setLife = (life) => fetch(PBX + '/life', { method: 'PUT', body: JSON.stringify(life) });
async function waitForCalls(count, pbx) {
  for (let i = 0; i < 100; i++) {
    const recorded = await calls(pbx);
    if (recorded.length >= count) return recorded;
    await new Promise((r) => setTimeout(r, 100));
  }
  return calls(pbx);
}

const logIn = (context, login, password, language) => logInAt(HOST, context, login, password, language);

async function logInAt(host, context, login, password, language) {
  const page = await context.newPage();
  page.on('pageerror', (e) => { page.errors = (page.errors || []).concat(e.message); });
  await page.goto(host + '/index.php');
  await page.fill('#username', login);
  await page.fill('#password', password);
  if (language) await page.selectOption('#language', language);
  await Promise.all([page.waitForURL('**/index.php'), page.click('#logon')]);
  await page.waitForSelector('body[data-host-ready="1"]', { state: 'attached', timeout: 60000 });
  assert.ok(await page.evaluate(() => !!container.getPluginByName('click2dial')), 'the plugin is registered and enabled');
  return page;
}

/** A contact record as the contact list has it, in a store (the menu's Categories need one). */
async function showContactMenu(page, fields) {
  await page.evaluate((fields) => {
    const record = Zarafa.core.data.RecordFactory.createRecordObjectByMessageClass(fields.message_class || 'IPM.Contact', fields, 1);
    record.join(new Zarafa.contact.ContactStore());
    window.testMenu = new Zarafa.contact.ui.ContactContextMenu({ records: [record] });
    window.testMenu.showAt([200, 200]);
  }, fields);
}

/** The plugin's settings category, as the settings context asks for it, in the page. */
async function showSettingsCategory(page) {
  return page.evaluate(() => {
    const settingsContext = container.getContextByName('settings');
    const items = container.populateInsertionPoint('context.settings.categories', null, settingsContext);
    const category = items.filter((item) => item.xtype === 'zarafa.settingsclick2dialcategory')[0];
    if (!category) return 'no category';
    window.testCategory = Ext.create(Ext.apply({ renderTo: document.body, width: 600 }, category));
    window.testCategory.doLayout();
    return window.testCategory.title;
  });
}

/** The card over a mail's sender: a recipient record (no phone fields) in its store. */
async function showHoverCard(page, fields) {
  await page.evaluate((fields) => {
    const recipient = Zarafa.core.data.RecordFactory.createRecordObjectByCustomType(Zarafa.core.data.RecordCustomObjectType.ZARAFA_RECIPIENT,
      Object.assign({ object_type: Zarafa.core.mapi.ObjectType.MAPI_MAILUSER, address_type: 'SMTP', entryid: '00000000DCA740C8C042101AB4B908002B2FE18201000000060000002F6F3D4578616D706C6500' }, fields));
    const store = new Zarafa.core.data.IPMRecipientStore();
    store.add(recipient);
    // The recipient field the card belongs to (its mouseleave hides the card).
    window.testCard = new Zarafa.common.recipientfield.ui.RecipientHoverCardView({ records: recipient, store: store, recipientView: new Ext.util.Observable() });
    window.testCard.showAt([200, 200]);
  }, fields);
}

const CARD_BUTTON = '.click2dial_hovercardbutton button';
const MENU_ITEM = '.x-menu-item.click2dial_menuitem';
const PIN_STATUS = '.click2dial_pinstatus';
const notice = (page, state) => page.locator(`.grommunio-toast .click2dial_message[data-state="${state}"]`);

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('context menu, one number: Call rings the logged-in user and dials it at once; the name is shown as text', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  await showContactMenu(page, { display_name: 'Bob <img src=x onerror=window.pwned=1>', business_telephone_number: '209', fax: 'x', business_fax_number: '0301111' });
  await page.click(MENU_ITEM);
  const recorded = await waitForCalls(1);
  assert.deepStrictEqual(recorded.map((c) => [c.user, c.dialed]), [['206', '209']]);
  await notice(page, 'ringing').or(notice(page, 'connected')).first().waitFor({ timeout: 15000 });
  assert.strictEqual(await page.evaluate(() => window.pwned), undefined, 'the name ran no script');
  assert.match(await page.locator('.grommunio-toast .click2dial_message').first().textContent(), /Bob <img src=x onerror=window\.pwned=1>/);
  assert.strictEqual(await page.locator('.grommunio-toast').count(), 1, 'one notification, updated in place');
  assert.deepStrictEqual(page.errors || [], []);
});

test('context menu, several numbers: the chooser lists each distinct number once with its label; the chosen one is dialed', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  await showContactMenu(page, { display_name: 'Carol Example', business_telephone_number: '030 1234-5',
    cellular_telephone_number: '0171 5551234', home_telephone_number: '(030) 12345', other_telephone_number: '209' });
  await page.click(MENU_ITEM);
  const choices = page.locator('.click2dial_chooser .click2dial_choice');
  await choices.first().waitFor();
  assert.deepStrictEqual(await choices.allTextContents(), ['Business: 030 1234-5', 'Mobile: 0171 5551234', 'Other: 209']);
  assert.strictEqual((await calls()).length, 0, 'no call before a number is chosen');
  await choices.filter({ hasText: 'Other: 209' }).locator('button').click();
  const recorded = await waitForCalls(1);
  assert.deepStrictEqual(recorded.map((c) => [c.user, c.dialed]), [['206', '209']]);
});

test('context menu: no Call for a contact without numbers or for a distribution list', async ({ context }) => {
  const page = await logIn(context, 'alice', '0000');
  await showContactMenu(page, { display_name: 'No Phone', business_fax_number: '0301111' });
  assert.strictEqual(await page.locator(MENU_ITEM).isVisible(), false);
  await page.evaluate(() => window.testMenu.destroy());
  await showContactMenu(page, { display_name: 'Team', message_class: 'IPM.DistList', business_telephone_number: '209' });
  assert.strictEqual(await page.locator(MENU_ITEM).isVisible(), false);
});

test('address book context menu: Call for a user of the global address list, none for a list', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const showAbMenu = (fields) => page.evaluate((fields) => {
    if (window.testMenu) window.testMenu.destroy();
    const record = Zarafa.core.data.RecordFactory.createRecordObjectByObjectType(fields.object_type, fields, 3);
    window.testMenu = new Zarafa.addressbook.ui.AddressBookContextMenu({ records: [record] });
    window.testMenu.showAt([200, 200]);
  }, fields);
  const MAILUSER = await page.evaluate(() => Zarafa.core.mapi.ObjectType.MAPI_MAILUSER);
  const DISTLIST = await page.evaluate(() => Zarafa.core.mapi.ObjectType.MAPI_DISTLIST);
  await showAbMenu({ object_type: DISTLIST, display_name: 'Everyone', office_telephone_number: '209' });
  assert.strictEqual(await page.locator(MENU_ITEM).isVisible(), false);
  await showAbMenu({ object_type: MAILUSER, display_name: 'Kim', office_telephone_number: '216', mobile_telephone_number: '' });
  await page.click(MENU_ITEM);
  const recorded = await waitForCalls(1);
  assert.deepStrictEqual(recorded.map((c) => [c.user, c.dialed]), [['206', '216']]);
});

test('contact dialog toolbar: the Call button follows the record and calls its number', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const disabled = await page.evaluate(() => {
    window.testToolbar = new Zarafa.contact.dialogs.ContactToolbar({ renderTo: document.body, width: 800 });
    window.testToolbar.doLayout();
    window.testButton = Ext.getCmp(document.querySelector('.x-btn.click2dial_dialogbutton').id);
    if (!window.testButton.disabled) throw new Error('enabled before it has a record');
    const record = Zarafa.core.data.RecordFactory.createRecordObjectByMessageClass('IPM.Contact', { display_name: 'Dave', home_telephone_number: '210' }, 2);
    window.testButton.update(record, true);
    return window.testButton.disabled;
  });
  assert.strictEqual(disabled, false);
  await page.click('.click2dial_dialogbutton button');
  const recorded = await waitForCalls(1);
  assert.deepStrictEqual(recorded.map((c) => [c.user, c.dialed]), [['206', '210']]);
});

test('hover card: Call looks the sender up in the address book and calls the number found there', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const lookups = [];
  page.on('request', (request) => { if (/"lookup":/.test(request.postData() || '')) lookups.push(JSON.parse(request.postData())); });
  await showHoverCard(page, { display_name: 'Bob', smtp_address: 'bob@example.com', email_address: 'bob@example.com' });
  await page.click(CARD_BUTTON);
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '207']]);
  assert.deepStrictEqual(Object.values(lookups[0].zarafa.click2dialmodule)[0], { lookup: { address: 'bob@example.com' } });
  assert.match(await page.locator('.grommunio-toast .click2dial_message').first().textContent(), /Bob Example \(207\)/);
  assert.deepStrictEqual(page.errors || [], []);
});

test('hover card: several numbers in the address book open the chooser; the name from there is shown as text', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  await showHoverCard(page, { display_name: 'carol', smtp_address: 'carol@example.com', email_address: 'carol@example.com' });
  await page.click(CARD_BUTTON);
  const choices = page.locator('.click2dial_chooser .click2dial_choice');
  await choices.first().waitFor();
  assert.deepStrictEqual(await choices.allTextContents(), ['Business: 202', 'Mobile: 0171 5550202']);
  assert.strictEqual(await page.locator('.click2dial_chooser i').count(), 0, 'the name is text');
  assert.match(await page.locator('.click2dial_chooser').first().textContent(), /Carol <i>Example<\/i>/);
  await choices.filter({ hasText: 'Mobile' }).locator('button').click();
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '01715550202']]);
});

test('hover card: someone without a number in the address book is told so, and nothing is dialed', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  for (const address of ['nophone@example.com', 'stranger@elsewhere.example']) {
    await showHoverCard(page, { display_name: 'Somebody', smtp_address: address, email_address: address });
    await page.click(CARD_BUTTON);
    await notice(page, 'error').filter({ hasText: 'The address book has no phone number for this person.' }).waitFor({ timeout: 15000 });
    await page.evaluate(() => window.testCard.destroy());
  }
  assert.deepStrictEqual(await calls(), []);
});

test('German: the menu item, the chooser and the notice speak the user\'s language', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000', 'de_DE.UTF-8');
  await showContactMenu(page, { display_name: 'Erin', business_telephone_number: '209', cellular_telephone_number: '210' });
  assert.strictEqual((await page.locator(MENU_ITEM).textContent()).trim(), 'Anrufen');
  await page.click(MENU_ITEM);
  const choices = page.locator('.click2dial_chooser .click2dial_choice');
  await choices.first().waitFor();
  assert.deepStrictEqual(await choices.allTextContents(), ['Geschäftlich: 209', 'Mobil: 210']);
  await choices.first().locator('button').click();
  assert.match(await page.locator('.grommunio-toast .click2dial_message').first().textContent(), /Erin \(209\)/);
  assert.match(await page.locator('.grommunio-toast .click2dial_message').first().textContent(), /Telefon|Verbunden/);
});

test('Dutch and Spanish: the menu item and the labels of the chooser', async ({ context }) => {
  for (const [language, call, labels] of [['nl_NL.UTF-8', 'Bellen', ['Werk: 209', 'Mobiel: 210']], ['es_ES.UTF-8', 'Llamar', ['Trabajo: 209', 'Móvil: 210']]]) {
    // A browser of its own per language: the first one is still logged in.
    const own = await context.browser().newContext();
    const page = await logIn(own, 'alice', '0000', language);
    await showContactMenu(page, { display_name: 'Lena', business_telephone_number: '209', cellular_telephone_number: '210' });
    assert.strictEqual((await page.locator(MENU_ITEM).textContent()).trim(), call);
    await page.click(MENU_ITEM);
    const choices = page.locator('.click2dial_chooser .click2dial_choice');
    await choices.first().waitFor();
    assert.deepStrictEqual(await choices.allTextContents(), labels);
    await own.close();
  }
});

test('a repeat click on the same number within seconds places no second call', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const callRequests = [];
  page.on('request', (request) => {
    if (/grommunio\.php/.test(request.url()) && /"call":/.test(request.postData() || '')) callRequests.push(request);
  });
  for (let i = 0; i < 2; i++) {
    await showContactMenu(page, { display_name: 'Frank', business_telephone_number: '211' });
    await page.click(MENU_ITEM);
  }
  await notice(page, 'requested').or(notice(page, 'ringing')).first().waitFor();
  assert.strictEqual(callRequests.length, 1, 'one call request sent');
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => c.dialed), ['211']);
});

test('progress: one notification follows the call, ringing -> connected -> ended', async ({ context }) => {
  await clearCalls();
  await setLife({ ring_ms: 2500, talk_ms: 3000, times: 1 });
  const page = await logIn(context, 'alice', '0000');
  await showContactMenu(page, { display_name: 'Grace', business_telephone_number: '212' });
  await page.click(MENU_ITEM);
  await notice(page, 'ringing').waitFor({ timeout: 15000 });
  await notice(page, 'connected').waitFor({ timeout: 15000 });
  assert.match(await notice(page, 'connected').textContent(), /Connected to Grace \(212\)/);
  await notice(page, 'ended').waitFor({ timeout: 20000 });
  assert.strictEqual(await page.locator('.grommunio-toast').count(), 1);
});

test('progress: a phone nobody picks up ends as not answered', async ({ context }) => {
  await clearCalls();
  await setLife({ ring_ms: 3000, answer: false, times: 1 });
  const page = await logIn(context, 'alice', '0000');
  await showContactMenu(page, { display_name: 'Heidi', business_telephone_number: '213' });
  await page.click(MENU_ITEM);
  await notice(page, 'not_answered').waitFor({ timeout: 20000 });
});

/**
 * Makes the server's progress replies to this page say what a PBX that tells both legs
 * (reSIProcate's clicktocall server) would: the real reply, with state, leg and code taken from
 * steps in turn (the last one stays). The host's emulator is sipXconfig, which tells no leg.
 */
async function scriptProgress(page, steps) {
  let next = 0;
  await page.route('**/grommunio.php*', async (route) => {
    if (!/"progress":/.test(route.request().postData() || '')) return route.continue();
    const response = await route.fetch();
    const reply = await response.json();
    const step = steps[Math.min(next++, steps.length - 1)];
    const rewrite = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Object.prototype.hasOwnProperty.call(node, 'state') && Object.prototype.hasOwnProperty.call(node, 'placed_at')) {
        delete node.error;
        Object.assign(node, step);
        return;
      }
      Object.values(node).forEach(rewrite);
    };
    rewrite(reply);
    await route.fulfill({ response, body: JSON.stringify(reply) });
  });
}

test('progress per leg: calling and answered name the number; busy, not answered and failures say whose phone', async ({ context }) => {
  const cases = [
    [[{ state: 'calling', leg: 'destination', code: '' }, { state: 'answered', leg: 'destination', code: '' }],
      [['calling', /^Calling Judy \(215\) …$/], ['answered', /^Judy \(215\) answered\.$/]]],
    [[{ state: 'calling', leg: 'destination', code: '' }, { state: 'failed', leg: 'destination', code: '486' }],
      [['calling', /^Calling Judy \(215\) …$/], ['failed', /^Judy \(215\) is busy\.$/]]],
    [[{ state: 'not_answered', leg: 'destination', code: '487' }], [['not_answered', /^Judy \(215\) did not answer\.$/]]],
    [[{ state: 'failed', leg: 'destination', code: '404' }], [['failed', /^The call to Judy \(215\) did not go through\.$/]]],
    [[{ state: 'failed', leg: 'initiator', code: '486' }], [['failed', /^Your phone could not be called\.$/]]],
  ];
  for (const [steps, shown] of cases) {
    // A browser of its own per call: the repeat guard would hold a second call to the number.
    const own = await context.browser().newContext();
    const page = await logIn(own, 'alice', '0000');
    await scriptProgress(page, steps);
    await showContactMenu(page, { display_name: 'Judy', business_telephone_number: '215' });
    await page.click(MENU_ITEM);
    for (const [state, text] of shown) {
      await notice(page, state).waitFor({ timeout: 15000 });
      assert.match((await notice(page, state).textContent()).trim(), text, JSON.stringify(steps));
    }
    assert.strictEqual(await page.locator('.grommunio-toast').count(), 1, 'one notification, updated in place');
    await own.close();
  }
});

test('closing the notification stops the progress questions', async ({ context }) => {
  await clearCalls();
  await setLife({ ring_ms: 30000, answer: false, times: 1 });
  const page = await logIn(context, 'alice', '0000');
  const progressRequests = [];
  page.on('request', (request) => {
    if (/"progress":/.test(request.postData() || '')) progressRequests.push(request);
  });
  await showContactMenu(page, { display_name: 'Ivan', business_telephone_number: '214' });
  await page.click(MENU_ITEM);
  await notice(page, 'ringing').waitFor({ timeout: 15000 });
  await page.click('.grommunio-toast .grommunio-toast-close');
  await page.locator('.grommunio-toast').waitFor({ state: 'detached' });
  const asked = progressRequests.length;
  // Longer than two of the notice's poll intervals (1 s): a question would have gone out.
  await page.waitForTimeout(3000);
  assert.strictEqual(progressRequests.length - asked <= 1, true, 'at most the question already under way');
  assert.strictEqual(await page.locator('.grommunio-toast').count(), 0, 'the notification did not come back');
});

test('no action holds the tab: the call and each progress question are answered while the phone still rings', async ({ context }) => {
  await clearCalls();
  await setLife({ ring_ms: 30000, answer: false, times: 1 });
  const page = await logIn(context, 'alice', '0000');
  const sent = [];
  const answered = [];
  const action = (request) => Object.keys(Object.values(JSON.parse(request.postData()).zarafa.click2dialmodule)[0])[0];
  page.on('request', (request) => { if (/click2dialmodule/.test(request.postData() || '')) sent.push(action(request)); });
  page.on('requestfinished', (request) => { if (/click2dialmodule/.test(request.postData() || '')) answered.push(action(request)); });
  await showContactMenu(page, { display_name: 'Kate', business_telephone_number: '218' });
  await page.click(MENU_ITEM);
  await notice(page, 'ringing').waitFor({ timeout: 15000 });
  for (let i = 0; i < 100 && answered.filter((a) => a === 'progress').length < 2; i++) await page.waitForTimeout(100);
  assert.ok(answered.includes('call'), 'the call was answered');
  assert.ok(answered.filter((a) => a === 'progress').length >= 2, 'progress questions were answered');
  // Another request of the same tab gets through while the call goes on.
  await page.evaluate(() => container.getRequest().singleRequest('click2dialmodule', 'settings', {}, new Zarafa.core.data.AbstractResponseHandler({})));
  for (let i = 0; i < 100 && !answered.includes('settings'); i++) await page.waitForTimeout(100);
  assert.ok(answered.includes('settings'), 'the tab was not held');
  assert.ok(await notice(page, 'ringing').isVisible(), 'the phone still rings: nothing waited for the call');
  assert.ok(sent.length - answered.length <= 1, 'at most the question under way is unanswered');
  await page.click('.grommunio-toast .grommunio-toast-close');
});

test('a refused PIN tells the user what to do, and nothing is dialed', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', 'not-the-pin');
  await showContactMenu(page, { display_name: 'Judy', business_telephone_number: '215' });
  await page.click(MENU_ITEM);
  await notice(page, 'error').waitFor({ timeout: 15000 });
  assert.match(await notice(page, 'error').textContent(), /refused your PIN/);
  assert.deepStrictEqual(await calls(), []);
});

test('settings: a Click2Dial category; in session mode it asks for no PIN and sends nothing', async ({ context }) => {
  const page = await logIn(context, 'alice', '0000');
  const sent = [];
  page.on('request', (request) => { if (/click2dialmodule/.test(request.postData() || '')) sent.push(request.postData()); });
  assert.strictEqual(await showSettingsCategory(page), 'Click2Dial');
  assert.match(await page.locator('.click2dial_pinstatus').textContent(), /password you logged in with/);
  assert.strictEqual(await page.locator('input.click2dial_pin').isVisible(), false);
  assert.deepStrictEqual(sent, []);
});

test('confirm before calling: No places no call, Yes calls the number', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  // What config.php's PLUGIN_CLICK2DIAL_CONFIRM = true gives the page.
  await page.evaluate(() => container.getSettingsModel().set('zarafa/v1/plugins/click2dial/confirm', true));
  const dialog = page.locator('.x-window-dlg').filter({ hasText: 'Call Mallory <b>x</b> at 217?' });
  const answer = (text) => dialog.locator('button').filter({ hasText: new RegExp('^' + text + '$') }).click();
  await showContactMenu(page, { display_name: 'Mallory <b>x</b>', business_telephone_number: '217' });
  await page.click(MENU_ITEM);
  await dialog.waitFor();
  assert.strictEqual(await dialog.locator('b').count(), 0, 'the name is text in the question');
  await answer('No');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepStrictEqual(await calls(), [], 'no call after No');
  assert.strictEqual(await page.locator('.grommunio-toast').count(), 0);
  await showContactMenu(page, { display_name: 'Mallory <b>x</b>', business_telephone_number: '217' });
  await page.click(MENU_ITEM);
  await answer('Yes');
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '217']]);
});

test('a login with no phone of its own is told to ask the administrator', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'dave', 'anything');
  await showContactMenu(page, { display_name: 'Oscar', business_telephone_number: '209' });
  await page.click(MENU_ITEM);
  await notice(page, 'error').waitFor({ timeout: 15000 });
  assert.match(await notice(page, 'error').textContent(), /No phone is set up for your account\. Ask your administrator\./);
  assert.deepStrictEqual(await calls(), []);
});

test('dark mode: the Call icon is painted in the text colour of the menu', async ({ context }) => {
  const page = await logIn(context, 'alice', '0000');
  await page.evaluate(() => document.body.classList.add('dark-mode'));
  await showContactMenu(page, { display_name: 'Peggy', business_telephone_number: '209' });
  const [icon, text] = await page.evaluate(() => {
    const item = document.querySelector('.x-menu-item.click2dial_menuitem');
    const img = item.querySelector('.icon_click2dial');
    return [getComputedStyle(img, '::before').backgroundColor, getComputedStyle(img).color];
  });
  assert.strictEqual(icon, text);
  assert.notStrictEqual(icon, 'rgba(0, 0, 0, 0)', 'the icon is painted');
});

test('stored mode: the PIN is entered once, the page shows that one is stored, and neither it nor its token reaches the browser', async ({ context }) => {
  await clearCalls(STORED_PBX);
  const page = await logInAt(STORED, context, 'carol', 'the-login-password');
  const received = [];
  // What the host generates for the user (its pages and JSON replies); the client's static
  // files are the same for everybody.
  const keep = async (response) => {
    if (/\/(index|grommunio)\.php/.test(response.url())) received.push(await response.text().catch(() => ''));
  };
  page.on('response', keep);
  assert.strictEqual(await showSettingsCategory(page), 'Click2Dial');
  await page.locator(PIN_STATUS).filter({ hasText: 'No PIN is stored.' }).waitFor();
  assert.strictEqual(await page.locator('.click2dial_forgetpin button').isDisabled(), true, 'nothing to remove yet');
  await page.fill('input.click2dial_pin', 'secret');
  await page.click('.click2dial_savepin button');
  await page.locator(PIN_STATUS).filter({ hasText: 'A PIN is stored.' }).waitFor();
  assert.strictEqual(await page.inputValue('input.click2dial_pin'), '', 'the field forgets the PIN');
  assert.strictEqual(await page.locator('.click2dial_forgetpin button').isDisabled(), false);

  await showContactMenu(page, { display_name: 'Quentin', business_telephone_number: '209' });
  await page.click(MENU_ITEM);
  assert.deepStrictEqual((await waitForCalls(1, STORED_PBX)).map((c) => [c.user, c.dialed]), [['202', '209']]);

  // A new page (what a reload or the next login gets): settings and all.
  const again = await context.newPage();
  again.on('response', keep);
  await again.goto(STORED + '/index.php');
  await again.waitForSelector('body[data-host-ready="1"]', { state: 'attached', timeout: 60000 });
  received.push(await again.content(), JSON.stringify(await again.evaluate(() => window.settings)));
  const tokens = fs.readdirSync(STORED_TOKENS).map((name) => fs.readFileSync(path.join(STORED_TOKENS, name), 'utf8').trim()).filter((t) => t);
  assert.ok(tokens.length >= 1, 'the extension keeps a sealed PIN');
  for (const body of received) {
    assert.ok(!body.includes('secret'), 'the PIN reached the browser: ' + body.slice(0, 200));
    for (const token of tokens) assert.ok(!body.includes(token), 'the sealed PIN reached the browser');
  }
  assert.deepStrictEqual(page.errors || [], []);
});

test('stored mode: a refused PIN opens the settings; after Remove PIN a call asks for one', async ({ context }) => {
  await clearCalls(STORED_PBX);
  const page = await logInAt(STORED, context, 'bob', 'the-login-password');
  await showSettingsCategory(page);
  await page.locator(PIN_STATUS).filter({ hasText: /PIN is stored/ }).waitFor();
  await page.fill('input.click2dial_pin', '0000'); // bob's PIN is 1234
  await page.click('.click2dial_savepin button');
  await page.locator(PIN_STATUS).filter({ hasText: 'A PIN is stored.' }).waitFor();
  // The host builds no main panel to switch (it does not call Zarafa.loadWebclient), so the
  // switch is recorded instead of made.
  await page.evaluate(() => { window.switchedTo = []; container.switchContext = (context) => window.switchedTo.push(context.getName()); });
  await showContactMenu(page, { display_name: 'Rupert', business_telephone_number: '209' });
  await page.click(MENU_ITEM);
  await notice(page, 'error').filter({ hasText: 'The PBX refused your PIN. Enter your current phone PIN in Settings -> Click2Dial.' }).waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await page.evaluate(() => window.switchedTo), ['settings'], 'the settings are opened');

  await page.click('.click2dial_forgetpin button');
  await page.locator(PIN_STATUS).filter({ hasText: 'No PIN is stored.' }).waitFor();
  await showContactMenu(page, { display_name: 'Rupert', business_telephone_number: '209' });
  await page.click(MENU_ITEM);
  await notice(page, 'error').filter({ hasText: 'Enter your phone PIN in Settings -> Click2Dial first.' }).waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await calls(STORED_PBX), [], 'nothing was dialed');
  assert.deepStrictEqual(page.errors || [], []);
});

test('a hostile page on another origin places no call with the user\'s session', async ({ context }) => {
  await clearCalls();
  await logIn(context, 'alice', '0000');
  const logSince = () => fs.existsSync(HOST_LOG) ? fs.readFileSync(HOST_LOG, 'utf8') : '';
  const before = logSince().length;
  const page = await context.newPage();
  await page.goto(ATTACKER + '/index.html?target=' + encodeURIComponent(HOST));
  await page.waitForFunction(() => document.title === 'sent', null, { timeout: 15000 });
  // The module saw the requests with alice's session (the cookies went along) and refused them:
  // the fetches, the beacon and the form (6 requests; some browsers drop the beacon).
  let refused = [];
  for (let i = 0; i < 50 && refused.length < 5; i++) {
    refused = logSince().slice(before).split('\n')
      .filter((line) => /refused a request .* for user alice@example\.com; nothing was done/.test(line));
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepStrictEqual((await calls()).map((c) => c.dialed), [], 'no call placed');
  assert.ok(refused.length >= 4, 'the attacks reached the module with the session: ' + refused.length);
});

// --- Numbers in what the user reads become links; the dial box (issue #17) ---

/** An opened mail in grommunio-web's MessageBody (the preview's and the mail dialog's iframe). */
async function showMail(page, fields) {
  await page.evaluate((fields) => {
    if (window.testBody) window.testBody.destroy();
    const record = Zarafa.core.data.RecordFactory.createRecordObjectByMessageClass('IPM.Note', fields, 7);
    record.opened = true; // what MAPIRecord.afterOpen sets once the server sent the whole mail
    window.testBody = new Zarafa.common.ui.messagepanel.MessageBody({ renderTo: document.body, width: 600, height: 300 });
    window.testBody.update(record);
  }, fields);
  return page.frameLocator('iframe.preview-iframe');
}

const LINK = 'a.click2dial_link';
/** [text, title] of each number link in a locator. */
const linksOf = (where) => where.locator(LINK).evaluateAll((links) => links.map((a) => [a.textContent, a.title]));

test('mail, plain text: the numbers become links titled with what is dialed; a click dials exactly that; the text runs no script', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const body = await showMail(page, { body: 'Hello,\n<img src=x onerror=parent.pwned=1>\nCall me at +49 30 12345678 or on my mobile 0171 5550202.\n'
    + 'Order 4711 of 02.12.2024, mail bob@example.com\n' + '-'.repeat(20000) + '\nLate in a long body: 0171 5550209\n' });
  await body.locator(LINK).nth(2).waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await linksOf(body), [['+49 30 12345678', '03012345678'], ['0171 5550202', '01715550202'], ['0171 5550209', '01715550209']]);
  await body.locator(LINK).filter({ hasText: '0171 5550202' }).click();
  const recorded = await waitForCalls(1);
  assert.deepStrictEqual(recorded.map((c) => [c.user, c.dialed]), [['206', '01715550202']]);
  assert.strictEqual(await page.evaluate(() => window.pwned), undefined, 'the body ran no script');
  assert.match(await body.locator('pre').textContent(), /<img src=x onerror=parent\.pwned=1>/, 'the markup in the text is still text');
  assert.strictEqual(await body.locator('a[href^="mailto:"]').count(), 1, "the client's own address link is kept");
  assert.deepStrictEqual(page.errors || [], []);
});

test('mail, HTML: numbers in cells and bold text become links, the layout is kept, existing links and scripts are left alone, nothing runs', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const body = await showMail(page, { isHTML: true, html_body: '<table id="t"><tr><td>Office</td><td><b>+49 30 12345678</b></td></tr></table>'
    + '<p style="color: rgb(255, 0, 0)" id="p">Mobile &lt;img src=x onerror=parent.pwned=2&gt; 0171 5550202 today</p>'
    + '<a href="https://example.com/x" id="web">0171 5550203</a><script>parent.pwned = 3;</script><img src="x" onerror="parent.pwned = 4">' });
  await body.locator(LINK).nth(1).waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await linksOf(body), [['+49 30 12345678', '03012345678'], ['0171 5550202', '01715550202']]);
  const layout = await body.locator('body').evaluate((b) => ({
    cells: Array.from(b.querySelectorAll('#t td')).map((td) => td.textContent),
    boldHoldsLink: !!b.querySelector('#t td b > a.click2dial_link'),
    paragraph: b.querySelector('#p').textContent,
    colour: b.querySelector('#p').style.color,
    // The real client adds target, rel and title to a mail's links (its DOMPurify hook).
    webLink: [b.querySelector('#web').getAttribute('href'), b.querySelector('#web').innerHTML]
  }));
  assert.deepStrictEqual(layout, { cells: ['Office', '+49 30 12345678'], boldHoldsLink: true,
    paragraph: 'Mobile <img src=x onerror=parent.pwned=2> 0171 5550202 today', colour: 'rgb(255, 0, 0)',
    webLink: ['https://example.com/x', '0171 5550203'] });
  await body.locator(LINK).first().click();
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '03012345678']]);
  assert.strictEqual(await page.evaluate(() => window.pwned), undefined, 'nothing in the body ran');
  assert.deepStrictEqual(page.errors || [], []);
});

test('mail: tel: and callto: links call through the PBX instead of leaving the browser', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const body = await showMail(page, { isHTML: true, html_body: '<p><a href="tel:+49-30-1234-5679" id="tel">Call us</a> or <a href="callto:0171%205550204" id="callto">Skype</a></p>' });
  await body.locator('#tel').click();
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '03012345679']]);
  await body.locator('#callto').click();
  assert.deepStrictEqual((await waitForCalls(2)).map((c) => [c.user, c.dialed]), [['206', '03012345679'], ['206', '01715550204']]);
  assert.ok(/index\.php$/.test(page.url()), 'the page stayed: ' + page.url());
  assert.deepStrictEqual(page.errors || [], []);
});

/** The plugin's tab of a contact's or address book user's dialog, given its record. */
async function showNumbersTab(page, insertionPoint, make) {
  await page.evaluate(({ insertionPoint, make }) => {
    const items = container.populateInsertionPoint(insertionPoint, new Ext.util.Observable());
    const config = items.filter((item) => item.xtype === 'zarafa.click2dialentrynumberstab')[0];
    window.testTab = Ext.create(Ext.apply({ renderTo: document.body, width: 400 }, config));
    const record = make.objectType
      ? Zarafa.core.data.RecordFactory.createRecordObjectByObjectType(Zarafa.core.mapi.ObjectType[make.objectType], make.fields, 5)
      : Zarafa.core.data.RecordFactory.createRecordObjectByMessageClass('IPM.Contact', make.fields, 5);
    window.testTab.update(record, true);
  }, { insertionPoint, make });
  return page.locator('.click2dial_entrynumbers');
}

test('opened contact: its numbers and the numbers in its notes are links; a click calls', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const tab = await showNumbersTab(page, 'context.contact.contactcontentpanel.tabs', { fields: { display_name: 'Erin <b>E</b>',
    business_telephone_number: '+49 30 12345670', cellular_telephone_number: '0171 5550205', body: 'Her assistant: 0171 5550206, room 4.12' } });
  await tab.locator(LINK).nth(2).waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await linksOf(tab), [['+49 30 12345670', '03012345670'], ['0171 5550205', '01715550205'], ['0171 5550206', '01715550206']]);
  await tab.locator(LINK).nth(2).click();
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '01715550206']]);
  assert.deepStrictEqual(page.errors || [], []);
});

test('address book entry details: the user\'s numbers are links; a click calls', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const tab = await showNumbersTab(page, 'context.addressbook.abuserdetailcontentpanel.tabs', { objectType: 'MAPI_MAILUSER',
    fields: { display_name: 'Kim', office_telephone_number: '+49 30 12345671', mobile_telephone_number: '' } });
  await tab.locator(LINK).first().waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await linksOf(tab), [['+49 30 12345671', '03012345671']]);
  await tab.locator(LINK).first().click();
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '03012345671']]);
});

/** The dial box, as the top bar (MainTabBar) asks for it at main.maintabbar.right. */
async function showDialBox(page) {
  await page.evaluate(() => {
    const items = container.populateInsertionPoint('main.maintabbar.right', new Ext.util.Observable());
    const config = items.filter((item) => item.xtype === 'zarafa.click2dialdialbox')[0];
    window.testBar = new Ext.Toolbar({ renderTo: document.body, items: [config] });
    window.testBar.doLayout();
  });
  return page.locator('input.click2dial_dialbox_input');
}

const DIAL_CHOICES = '.click2dial_dialbox_list .click2dial_dialbox_choice';

test('dial box: a name is found in the address book and called with Enter; a typed number is called; recent calls come first', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const box = await showDialBox(page);
  await box.fill('bob');
  await box.press('Enter');
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '207']]);
  // A name with two numbers: both offered (as text), the one clicked is called.
  await box.fill('carol');
  await box.press('Enter');
  const choices = page.locator(DIAL_CHOICES);
  await choices.nth(1).waitFor();
  // The name as text, which number it is, and the number as the PBX dials it.
  assert.deepStrictEqual(await choices.allTextContents(), ['Carol <i>Example</i> \u2013 Business: 202', 'Carol <i>Example</i> \u2013 Mobile: 01715550202']);
  assert.strictEqual(await page.locator('.click2dial_dialbox_list i').count(), 0, 'the name is text');
  await choices.nth(1).dispatchEvent('mousedown');
  assert.deepStrictEqual((await waitForCalls(2)).map((c) => c.dialed), ['207', '01715550202']);
  await box.fill('0171 5550207');
  await box.press('Enter');
  assert.deepStrictEqual((await waitForCalls(3)).map((c) => c.dialed), ['207', '01715550202', '01715550207']);
  await box.fill('');
  await box.blur();
  await box.focus();
  await page.locator('.click2dial_dialbox_list .click2dial_dialbox_heading').filter({ hasText: 'Recent calls' }).waitFor();
  assert.deepStrictEqual(await choices.allTextContents(), ['0171 5550207', 'Carol <i>Example</i>: 0171 5550202', 'Bob Example: 207']);
  assert.deepStrictEqual(await page.evaluate(() => container.getSettingsModel().get('zarafa/v1/plugins/click2dial/recent')),
    [{ name: '0171 5550207', number: '0171 5550207' }, { name: 'Carol <i>Example</i>', number: '0171 5550202' }, { name: 'Bob Example', number: '207' }]);
  assert.deepStrictEqual(page.errors || [], []);
});

test('dial box: a name several contacts and address book users have lists their numbers; the arrow keys choose the second, Enter calls exactly that one; next time it comes first', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const searches = [];
  page.on('request', (request) => { if (/"search":/.test(request.postData() || '')) searches.push(Object.values(JSON.parse(request.postData()).zarafa.click2dialmodule)[0]); });
  const box = await showDialBox(page);
  await box.fill('sample');
  const choices = page.locator(DIAL_CHOICES);
  await choices.nth(4).waitFor({ timeout: 15000 });
  // The contact folders first (the default one, then a folder below it; not Deleted Items, no
  // fax numbers, no distribution lists), then the global address list; each number as dialed.
  assert.deepStrictEqual(await choices.allTextContents(), ['Erik Sample \u2013 Mobile: 01715550212', 'Fiona Sample \u2013 Business: 0305550213',
    'Hugo Sample (Supplies) \u2013 Business: 0305550215', 'Hugo Sample (Supplies) \u2013 Home: 0305550216', 'Greta Sample \u2013 Business: 214']);
  assert.deepStrictEqual(searches[searches.length - 1], { search: { query: 'sample' } });
  // Enter among several lines calls none until one is chosen.
  await box.press('Enter');
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  assert.deepStrictEqual(await page.locator('.click2dial_dialbox_selected').allTextContents(), ['Fiona Sample \u2013 Business: 0305550213']);
  assert.strictEqual(await page.locator('.click2dial_dialbox_selected').getAttribute('aria-selected'), 'true');
  await box.press('Enter');
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '0305550213']]);
  assert.strictEqual(await box.inputValue(), '', 'the box is empty again');
  // The recent call is offered first, under its heading, and not again among the names found.
  await box.fill('sample');
  await page.locator('.click2dial_dialbox_list .click2dial_dialbox_heading').filter({ hasText: 'Contacts and address book' }).waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await page.locator('.click2dial_dialbox_list li').allTextContents(), ['Recent calls', 'Fiona Sample: 030 5550213',
    'Contacts and address book', 'Erik Sample \u2013 Mobile: 01715550212', 'Hugo Sample (Supplies) \u2013 Business: 0305550215',
    'Hugo Sample (Supplies) \u2013 Home: 0305550216', 'Greta Sample \u2013 Business: 214']);
  // The mouse chooses too; up from the top wraps round to the last line.
  await box.press('ArrowUp');
  assert.deepStrictEqual(await page.locator('.click2dial_dialbox_selected').allTextContents(), ['Greta Sample \u2013 Business: 214']);
  await choices.nth(2).dispatchEvent('mousedown');
  assert.deepStrictEqual((await waitForCalls(2)).map((c) => c.dialed), ['0305550213', '0305550215']);
  assert.deepStrictEqual(page.errors || [], []);
});

test('dial box: a name with one number found is called with Enter; a name nobody has is said so, and nothing is dialed', async ({ context }) => {
  await clearCalls();
  const page = await logIn(context, 'alice', '0000');
  const box = await showDialBox(page);
  await box.fill('greta');
  const choices = page.locator(DIAL_CHOICES);
  await choices.first().waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await choices.allTextContents(), ['Greta Sample \u2013 Business: 214']);
  await box.press('Enter');
  assert.deepStrictEqual((await waitForCalls(1)).map((c) => [c.user, c.dialed]), [['206', '214']]);
  await box.fill('nobody by this name');
  await page.locator('.click2dial_dialbox_message').filter({ hasText: 'No one of this name has a phone number in your contacts or the address book.' }).waitFor({ timeout: 15000 });
  await box.press('Enter');
  await box.fill('bob');
  await choices.first().waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await choices.allTextContents(), ['Bob Example \u2013 Business: 207']);
  await box.press('Enter');
  assert.deepStrictEqual((await waitForCalls(2)).map((c) => c.dialed), ['214', '207'], 'only the calls asked for');
  assert.deepStrictEqual(page.errors || [], []);
});

test('dial box, German: the headings, the labels and the message speak the user\'s language', async ({ context }) => {
  const page = await logIn(context, 'alice', '0000', 'de_DE.UTF-8');
  const box = await showDialBox(page);
  await box.fill('erik');
  const choices = page.locator(DIAL_CHOICES);
  await choices.first().waitFor({ timeout: 15000 });
  assert.deepStrictEqual(await choices.allTextContents(), ['Erik Sample \u2013 Mobil: 01715550212']);
  await box.fill('niemand');
  await page.locator('.click2dial_dialbox_message').filter({ hasText: 'In Ihren Kontakten und im Adressbuch hat niemand dieses Namens eine Telefonnummer.' }).waitFor({ timeout: 15000 });
  assert.strictEqual(await box.getAttribute('placeholder'), 'Nummer oder Namen anrufen');
});

(async () => {
  const filter = process.argv[2] || '';
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  let passed = 0, failed = 0;
  for (const { name, fn } of tests.filter((t) => t.name.includes(filter))) {
    const context = await browser.newContext();
    try {
      await fn({ context });
      passed++;
      console.log('PASS ' + name);
    } catch (e) {
      failed++;
      console.log('FAIL ' + name + '\n  ' + String(e && e.stack || e).split('\n').slice(0, 6).join('\n  '));
      const pages = context.pages();
      if (pages.length) await pages[pages.length - 1].screenshot({ path: path.join(SHOT_DIR, name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80) + '.png') }).catch(() => {});
    }
    await context.close();
  }
  await browser.close();
  console.log(`browser (grommunio-web): ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
