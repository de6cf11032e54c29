// Browser tests of the click2dial WebAccess plugin in the WebAccess host, in headless Chromium
// (Debian's chromium, driven by playwright-core). testing/browser/run starts three hosts
// (credentials "stored" and "session" on sipXconfig, and one on clicktocall: clicktocall.js) with
// their emulators and passes their URLs here.
// Prints one line "browser: N passed, N failed" at the end; screenshots go to SHOT_DIR.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
const assert = require('assert');

const STORED = process.env.C2D_STORED_URL;          // host base URL, credentials = stored
const STORED_PBX = process.env.C2D_STORED_CONTROL;  // its emulator's control URL
const SESSION = process.env.C2D_SESSION_URL;        // credentials = session
const SESSION_PBX = process.env.C2D_SESSION_CONTROL;
const STORED_RUN = process.env.C2D_STORED_RUN;      // the stored host's run folder (keys, state/)
const ROOT = path.join(__dirname, '..', '..');
const SHOT_DIR = process.env.C2D_SHOT_DIR || path.join(__dirname, '..', '..', '.run', 'browser-screenshots');

async function pbx(control, method, route) {
  const answer = await fetch(control + route, { method });
  const text = await answer.text();
  try { return JSON.parse(text); } catch (e) { return text; }
}
const calls = (control) => pbx(control, 'GET', '/calls');
// How the emulator's next call goes: {ring_ms, answer, talk_ms, times}.
const setLife = (control, life) => fetch(control + '/life', { method: 'PUT', body: JSON.stringify(life) });
const pbxRequests = async (control) => (await pbx(control, 'GET', '/stats')).requests;

/** Waits until the message follows the call into `state`; returns its text. */
async function progressState(page, state, timeout = 15000) {
  const locator = page.locator(`#click2dial_notice[data-state="${state}"] .click2dial_message`);
  await locator.waitFor({ timeout });
  return locator.textContent();
}
const clearCalls = (control) => pbx(control, 'DELETE', '/calls');

async function logIn(context, base, user, password, language) {
  const page = await context.newPage();
  await page.goto(base + '/index.php');
  await page.fill('#username', user);
  await page.fill('#password', password);
  if (language) await page.selectOption('#language', language);
  await Promise.all([page.waitForURL('**/index.php'), page.click('#logon')]);
  await page.waitForSelector('tr.contactrow');
  return page;
}

function row(page, name) {
  return page.locator('tr.contactrow', { hasText: name });
}

// The contact dialog's button, as WebAccess' menu.js draws a dialog menu button.
const DIALOG_BUTTON = '#menubar a.menubutton.icon_click2dial';

async function contextMenuCall(page, name) {
  await row(page, name).click({ button: 'right' });
  await page.click('#contextmenu div.menuitem.icon_click2dial');
}

async function notice(page, expected) {
  const locator = page.locator('#click2dial_notice .click2dial_message');
  await locator.filter({ hasText: expected }).waitFor({ timeout: 10000 });
  return locator.textContent();
}

async function waitForCalls(control, count) {
  for (let i = 0; i < 100; i++) {
    const recorded = await calls(control);
    if (recorded.length >= count) return recorded;
    await new Promise((r) => setTimeout(r, 100));
  }
  return calls(control);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('session mode: right-click, Call contact, the PBX rings the logged-in user', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  await row(page, 'Bob Builder').click({ button: 'right' });
  const item = page.locator('#contextmenu div.menuitem.icon_click2dial');
  assert.strictEqual(await item.textContent(), 'Call contact');
  await shot(page, 'context-menu');
  await item.click();
  const text = await notice(page, 'Your phone will ring now');
  assert.strictEqual(text, 'Your phone will ring now. Pick it up to be connected to 207.');
  const recorded = await waitForCalls(SESSION_PBX, 1);
  assert.strictEqual(recorded.length, 1);
  assert.strictEqual(recorded[0].user, '206');
  assert.strictEqual(recorded[0].dialed, '207');
  await shot(page, 'called');
});

test('a contact with several numbers: the chooser shows label and number, the chosen one is dialed', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'bob', '1234');
  await contextMenuCall(page, 'Carol Chooser');
  const choices = page.locator('#click2dial_chooser button.click2dial_choice');
  await choices.first().waitFor();
  const labels = await choices.evaluateAll((buttons) => buttons.map((b) => [
    b.querySelector('.click2dial_label').textContent, b.querySelector('.click2dial_number').textContent]));
  assert.deepStrictEqual(labels, [['Business', '+49 (30) 1234-567'], ['Mobile', '0171 555 0101'], ['Home', '202']]);
  await shot(page, 'chooser');
  assert.strictEqual((await calls(SESSION_PBX)).length, 0, 'the chooser alone places no call');
  await choices.nth(1).click();
  await notice(page, 'Your phone will ring now');
  const recorded = await waitForCalls(SESSION_PBX, 1);
  assert.strictEqual(recorded.length, 1);
  assert.strictEqual(recorded[0].user, '207');
  assert.strictEqual(recorded[0].dialed, '01715550101');
  assert.strictEqual(await page.locator('#click2dial_chooser').count(), 0, 'the chooser closes');
});

test('a second click on the same number within seconds places no second call', async ({ context }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'Your phone will ring now');
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'This number was just called');
  await new Promise((r) => setTimeout(r, 500));
  assert.strictEqual((await calls(SESSION_PBX)).length, 1);
});

test('a wrong login password (session mode) tells the user what to do', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', 'not-the-pin');
  await contextMenuCall(page, 'Bob Builder');
  const text = await notice(page, 'refused your password');
  assert.match(text, /tell your administrator/);
  await shot(page, 'wrong-password');
  assert.strictEqual((await calls(SESSION_PBX)).length, 0);
});

test('stored mode: wrong PIN -> Open settings -> save the right PIN -> the call goes through', async ({ context, shot }) => {
  await clearCalls(STORED_PBX);
  const page = await logIn(context, STORED, 'alice', 'login-password');
  // This host asks before each call (PLUGIN_CLICK2DIAL_CONFIRM).
  const questions = [];
  page.on('dialog', (question) => { questions.push(question.message()); question.accept(); });
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'No PIN is stored yet');
  assert.deepStrictEqual(questions, ['Call Bob Builder at 207?']);
  // Store a wrong PIN through the settings dialog.
  let [dialog] = await Promise.all([page.waitForEvent('popup'), page.click('#click2dial_notice .click2dial_action')]);
  await dialog.waitForSelector('#click2dial_settings_status:has-text("No PIN is stored yet.")');
  await dialog.fill('#click2dial_pin', '1111');
  await dialog.click('#click2dial_save');
  await dialog.waitForSelector('#click2dial_settings_status:has-text("Your PIN was saved.")');
  assert.strictEqual(await dialog.inputValue('#click2dial_pin'), '', 'the PIN field is emptied');
  await dialog.close();
  await contextMenuCall(page, 'Bob Builder');
  const text = await notice(page, 'refused your PIN');
  assert.match(text, /Open the Click2Dial settings/);
  await shot(page, 'wrong-pin');
  assert.strictEqual((await calls(STORED_PBX)).length, 0);
  [dialog] = await Promise.all([page.waitForEvent('popup'), page.click('#click2dial_notice .click2dial_action')]);
  await dialog.waitForSelector('#click2dial_settings_status:has-text("A PIN is stored.")');
  const html = await dialog.content();
  assert.ok(!html.includes('1111') && !html.includes('c2d1.'), 'neither the PIN nor its token comes back');
  await dialog.fill('#click2dial_pin', '0000');
  await dialog.click('#click2dial_save');
  await dialog.waitForSelector('#click2dial_settings_status:has-text("Your PIN was saved.")');
  await shot(dialog, 'settings-dialog');
  await dialog.close();
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'Your phone will ring now');
  const recorded = await waitForCalls(STORED_PBX, 1);
  assert.strictEqual(recorded.length, 1);
  assert.strictEqual(recorded[0].user, '206');
  assert.strictEqual(recorded[0].dialed, '207');
});

/** A token as an earlier plugin version kept it in the user's WebAccess settings. */
function leaveOldToken(user, pin) {
  const { execFileSync } = require('child_process');
  const token = execFileSync('php', ['-n', '-d', `extension=${ROOT}/target/release/libclick2dial.so`,
    '-d', `click2dial.key_file=${STORED_RUN}/keys`, '-r', 'echo Click2Dial\\encryptCredential($argv[1], $argv[2]);', pin, user]).toString();
  assert.ok(token.startsWith('c2d1.'), token);
  const folder = path.join(STORED_RUN, 'state', 'settings');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  // The host keeps one tree nested by the path, as WebAccess' Settings does.
  const tree = { zarafa: { v1: { plugins: { click2dial: { pin_token: token } } } } };
  fs.writeFileSync(path.join(folder, `${encodeURIComponent(user)}.json`), JSON.stringify(tree));
  return token;
}
const settingsTree = (user) => {
  const file = path.join(STORED_RUN, 'state', 'settings', `${encodeURIComponent(user)}.json`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
};

test('stored mode: no page or answer the browser gets holds the PIN or its token; an old token in the settings is moved out before the main page', async ({ context }) => {
  await clearCalls(STORED_PBX);
  // Everything the browser receives: pages, scripts, the module's XML answers.
  const received = [];
  context.on('response', async (response) => { received.push(await response.text().catch(() => '')); });
  // dave's PIN, sealed by an earlier version into his settings, which WebAccess writes into
  // every main page (the host's index.php does not write them into the page yet).
  const oldToken = leaveOldToken('dave', '203203');
  const page = await logIn(context, STORED, 'dave', 'login-password');
  page.on('dialog', (question) => question.accept());
  assert.ok(!settingsTree('dave').includes('c2d1.'), 'the token left the settings tree at login');
  const main = await page.content();
  assert.ok(!main.includes(oldToken) && !main.includes('c2d1.'), 'the main page holds no token');
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'Your phone will ring now');
  assert.strictEqual((await waitForCalls(STORED_PBX, 1))[0].user, '203', 'the moved PIN places the call');
  // A PIN saved now goes to the extension's store, not into the settings.
  const [dialog] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => click2dial.openSettings())]);
  await dialog.waitForSelector('#click2dial_settings_status:has-text("A PIN is stored.")');
  await dialog.fill('#click2dial_pin', '203203');
  await dialog.click('#click2dial_save');
  await dialog.waitForSelector('#click2dial_settings_status:has-text("Your PIN was saved.")');
  assert.ok(!settingsTree('dave').includes('c2d1.'), 'the settings tree holds no token after saving');
  await page.reload();
  await page.waitForSelector('tr.contactrow');
  const again = await page.content();
  assert.ok(!again.includes('c2d1.') && !again.includes('203203'), 'the main page holds neither');
  await Promise.all(received);
  await new Promise((r) => setTimeout(r, 200));
  const leaked = received.filter((body) => body.includes('c2d1.') || body.includes('203203'));
  assert.deepStrictEqual(leaked, [], 'no answer to the browser holds the PIN or a token');
  assert.ok(received.length > 10, `${received.length} answers seen`);
  // Forgetting it: the dialog says so and offers no second "Forget PIN".
  await dialog.click('#click2dial_clear');
  await dialog.waitForSelector('#click2dial_settings_status:has-text("Your PIN was removed.")');
  assert.strictEqual(await dialog.isVisible('#click2dial_clear'), false);
  await dialog.close();
});

test('confirm before calling: Cancel places no call', async ({ context }) => {
  await clearCalls(STORED_PBX);
  const page = await logIn(context, STORED, 'bob', 'login-password');
  const before = (await pbx(STORED_PBX, 'GET', '/stats')).requests;
  const questions = [];
  page.on('dialog', (question) => { questions.push(question.message()); question.dismiss(); });
  await contextMenuCall(page, 'Jürgen Überall');
  await new Promise((r) => setTimeout(r, 500));
  assert.deepStrictEqual(questions, ['Call Jürgen Überall at 208?']);
  assert.strictEqual(await page.locator('#click2dial_notice').count(), 0, 'no message: nothing was sent');
  assert.strictEqual((await pbx(STORED_PBX, 'GET', '/stats')).requests - before, 0);
});

test('the Call button of the contact dialog', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'carol', 'secret');
  const [dialog] = await Promise.all([page.waitForEvent('popup'), row(page, 'Jürgen Überall').dblclick()]);
  const button = dialog.locator(DIALOG_BUTTON);
  await button.waitFor();
  assert.strictEqual(await button.textContent(), '\u00a0Call', 'menu.js writes "&nbsp;" + name');
  assert.strictEqual(await button.getAttribute('title'), 'Call this contact: your phone rings first');
  await button.click();
  await notice(dialog, 'Your phone will ring now');
  await shot(dialog, 'contact-dialog');
  const recorded = await waitForCalls(SESSION_PBX, 1);
  assert.strictEqual(recorded.length, 1);
  assert.strictEqual(recorded[0].user, '202');
  assert.strictEqual(recorded[0].dialed, '208');
});

test('switching the UI language (de, nl, es) translates the menu item, the chooser and the messages', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  await Promise.all([page.waitForURL('**/index.php'), page.selectOption('#setlanguage', 'de_DE.UTF-8')]);
  await page.waitForSelector('tr.contactrow');
  await row(page, 'Bob Builder').click({ button: 'right' });
  assert.strictEqual(await page.locator('#contextmenu .icon_click2dial').textContent(), 'Kontakt anrufen');
  await page.click('#contextmenu .icon_click2dial');
  const text = await notice(page, 'Ihr Telefon klingelt jetzt');
  assert.strictEqual(text, 'Ihr Telefon klingelt jetzt. Heben Sie ab, um mit 207 verbunden zu werden.');
  await shot(page, 'german');
  await Promise.all([page.waitForURL('**/index.php'), page.selectOption('#setlanguage', 'nl_NL.UTF-8')]);
  await page.waitForSelector('tr.contactrow');
  await row(page, 'Carol Chooser').click({ button: 'right' });
  assert.strictEqual(await page.locator('#contextmenu .icon_click2dial').textContent(), 'Contact bellen');
  await page.click('#contextmenu .icon_click2dial');
  assert.strictEqual(await page.locator('#click2dial_chooser .click2dial_label').nth(1).textContent(), 'Mobiel');
  await Promise.all([page.waitForURL('**/index.php'), page.selectOption('#setlanguage', 'es_ES.UTF-8')]);
  await page.waitForSelector('tr.contactrow');
  await row(page, 'Nina No-Number').click({ button: 'right' });
  assert.strictEqual(await page.locator('#contextmenu .icon_click2dial').textContent(), 'Llamar al contacto');
  await page.click('#contextmenu .icon_click2dial');
  await notice(page, 'Este contacto no tiene número de teléfono.');
});

test('texts made on the server follow the language: the dialog button and the settings dialog', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'carol', 'secret', 'de_DE.UTF-8');
  const [dialog] = await Promise.all([page.waitForEvent('popup'), row(page, 'Jürgen Überall').dblclick()]);
  const button = dialog.locator(DIALOG_BUTTON);
  await button.waitFor();
  assert.strictEqual(await button.textContent(), '\u00a0Anrufen');
  assert.strictEqual(await button.getAttribute('title'), 'Diesen Kontakt anrufen: zuerst klingelt Ihr Telefon');
  await button.click();
  await notice(dialog, 'Ihr Telefon klingelt jetzt');
  await shot(dialog, 'contact-dialog-german');
  await dialog.close();

  const stored = await logIn(context, STORED, 'alice', 'login-password', 'nl_NL.UTF-8');
  const [settings] = await Promise.all([
    stored.waitForEvent('popup'),
    stored.evaluate(() => click2dial.openSettings()),
  ]);
  await settings.waitForSelector('#click2dial_settings');
  assert.strictEqual(await settings.title(), 'Click2Dial-instellingen');
  assert.strictEqual(await settings.locator('label[for=click2dial_pin]').textContent(), 'PIN van de telefooncentrale');
  assert.strictEqual(await settings.locator('#click2dial_save').textContent(), 'Opslaan');
  await shot(settings, 'settings-dialog-dutch');
});

test('call progress: the message goes ringing -> connected -> ended, then stops asking', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  await setLife(SESSION_PBX, { ring_ms: 2500, talk_ms: 3000, times: 1 });
  const page = await logIn(context, SESSION, 'alice', '0000');
  await contextMenuCall(page, 'Bob Builder');
  assert.strictEqual(await progressState(page, 'ringing'), 'Your phone is ringing — pick up to be connected to Bob Builder.');
  await shot(page, 'progress-ringing');
  assert.strictEqual(await progressState(page, 'connected'), 'Connected to 207.');
  await shot(page, 'progress-connected');
  assert.strictEqual(await progressState(page, 'ended'), 'Call ended.');
  await shot(page, 'progress-ended');
  const after = await pbxRequests(SESSION_PBX);
  await page.waitForTimeout(2500);
  assert.strictEqual(await pbxRequests(SESSION_PBX), after, 'no more questions after the call ended');
  assert.strictEqual((await calls(SESSION_PBX)).length, 1);
});

test('call progress in German: a phone nobody picks up is "nicht abgenommen"', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  await setLife(SESSION_PBX, { ring_ms: 2000, answer: false, times: 1 });
  const page = await logIn(context, SESSION, 'alice', '0000', 'de_DE.UTF-8');
  await contextMenuCall(page, 'Bob Builder');
  assert.strictEqual(await progressState(page, 'ringing'), 'Ihr Telefon klingelt – heben Sie ab, um mit Bob Builder verbunden zu werden.');
  assert.strictEqual(await progressState(page, 'not_answered'), 'Ihr Telefon wurde nicht abgenommen.');
  await shot(page, 'progress-not-answered-german');
});

test('call progress: closing the message stops the questions', async ({ context }) => {
  await clearCalls(SESSION_PBX);
  await setLife(SESSION_PBX, { ring_ms: 20000, answer: false, times: 1 });
  const page = await logIn(context, SESSION, 'alice', '0000');
  await contextMenuCall(page, 'Bob Builder');
  await progressState(page, 'ringing');
  const asked = await pbxRequests(SESSION_PBX);
  await page.waitForTimeout(3300);
  const questions = (await pbxRequests(SESSION_PBX)) - asked;
  assert.ok(questions >= 1, 'it asks while the phone rings');
  assert.ok(questions <= 4, `at most once a second: ${questions} questions in 3.3 s`);
  await page.click('#click2dial_notice .click2dial_close');
  assert.strictEqual(await page.locator('#click2dial_notice').count(), 0);
  await page.waitForTimeout(300);
  const closed = await pbxRequests(SESSION_PBX);
  await page.waitForTimeout(2500);
  assert.strictEqual(await pbxRequests(SESSION_PBX), closed, 'no questions after the message was closed');
  await clearCalls(SESSION_PBX);
});

test('while the message is shown, WebAccess\' footer links (settings, log out) are not covered', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'Your phone will ring now');
  await shot(page, 'notice-above-footer');
  // The notice's box overlaps neither link's box (not even a part the user would click).
  for (const selector of ['#footer .settingsbutton', '#footer .loggoutbutton', '#footer #loggedon']) {
    const overlap = await page.evaluate((sel) => {
      const link = document.querySelector(sel).getBoundingClientRect();
      const box = document.getElementById('click2dial_notice').getBoundingClientRect();
      return Math.max(0, Math.min(link.right, box.right) - Math.max(link.left, box.left))
        * Math.max(0, Math.min(link.bottom, box.bottom) - Math.max(link.top, box.top));
    }, selector);
    assert.strictEqual(overlap, 0, `the notice covers ${overlap} px² of ${selector}`);
  }
  await clearCalls(SESSION_PBX);
});

test('a contact name with HTML in it is shown as text and runs nothing', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  const name = '<img src=x onerror="window.xssFired=1">Mallory <b>Bold</b>';
  const mallory = row(page, 'Mallory');
  assert.strictEqual(await mallory.locator('td.display_name').textContent(), name);
  await contextMenuCall(page, 'Mallory');
  await notice(page, 'Your phone will ring now');
  await shot(page, 'xss-as-text');
  assert.strictEqual(await page.evaluate(() => window.xssFired), undefined);
  // No element made of the name anywhere in the page (the host's footer has <b> separators of
  // its own, as WebAccess' has).
  assert.strictEqual(await page.locator('img:not(#footer *), b:not(#footer *), #contactlist script').count(), 0);
  const recorded = await waitForCalls(SESSION_PBX, 1);
  assert.strictEqual(recorded[0].dialed, '203');
});

test('a contact without a number: a message, no request', async ({ context }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  await contextMenuCall(page, 'Nina No-Number');
  await notice(page, 'This contact has no phone number.');
  assert.strictEqual((await calls(SESSION_PBX)).length, 0);
});

// Defects the host hid while it differed from the real WebAccess (testing/hosts/webaccess/README.md),
// and the host's imitation of the real code where the plugin meets it.

test('a contact with one business number is called at once: the list sends it as business and as office number', async ({ context }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  const props = await page.evaluate(() => contacts.itemProps.c0001);
  assert.strictEqual(props.business_telephone_number, '207');
  assert.strictEqual(props.office_telephone_number, '207', 'one MAPI property, two names (as WebAccess sends it)');
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'Your phone will ring now');
  assert.strictEqual(await page.locator('#click2dial_chooser').count(), 0, 'no chooser for one number');
  const recorded = await waitForCalls(SESSION_PBX, 1);
  assert.deepStrictEqual(recorded.map((call) => call.dialed), ['207']);
});

test('the same number under several labels is offered once, under the more specific label', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'bob', '1234');
  await contextMenuCall(page, 'Dora Doubled');
  const choices = page.locator('#click2dial_chooser button.click2dial_choice');
  await choices.first().waitFor();
  const labels = await choices.evaluateAll((buttons) => buttons.map((b) => [
    b.querySelector('.click2dial_label').textContent, b.querySelector('.click2dial_number').textContent]));
  // Business = office = company (written differently), Mobile = primary, Home = other.
  assert.deepStrictEqual(labels, [['Business', '+49 (30) 1234-568'], ['Mobile', '0171 555 0102'], ['Home', '209']]);
  await shot(page, 'chooser-doubled');
  assert.strictEqual((await calls(SESSION_PBX)).length, 0);
});

test('choosing "Call contact" hides the menu before the chooser opens; a click outside removes it', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'bob', '1234');
  // Whether the menu was still shown at the moment the chooser appeared.
  await page.evaluate(() => {
    window.menuShownWithChooser = null;
    new MutationObserver(() => {
      const menu = document.getElementById('contextmenu');
      if (document.getElementById('click2dial_chooser') && window.menuShownWithChooser === null) {
        window.menuShownWithChooser = !!menu && menu.style.display != 'none';
      }
    }).observe(document.body, { childList: true });
  });
  await contextMenuCall(page, 'Carol Chooser');
  await page.locator('#click2dial_chooser').waitFor();
  await shot(page, 'menu-hidden-chooser');
  assert.strictEqual(await page.evaluate(() => window.menuShownWithChooser), false, 'the menu is hidden when the chooser opens');
  assert.strictEqual(await page.locator('#contextmenu').isVisible(), false);
  await page.click('#click2dial_chooser .click2dial_cancel');
  assert.strictEqual(await page.locator('#contextmenu').count(), 0, 'the next click removes the hidden menu');
  // One number: the menu is hidden too, and no chooser opens.
  await contextMenuCall(page, 'Bob Builder');
  await notice(page, 'Your phone will ring now');
  assert.strictEqual(await page.locator('#contextmenu').isVisible(), false);
});

test('host: a menu item whose callback does not hide the menu leaves it open until a click outside it', async ({ context }) => {
  const page = await logIn(context, SESSION, 'bob', '1234');
  await row(page, 'Bob Builder').click({ button: 'right' });
  await page.click('#contextmenu div.menuitem.icon_delete');
  assert.strictEqual(await page.locator('#contextmenu').isVisible(), true, 'WebAccess menus do not close by themselves');
  await page.click('#user');
  assert.strictEqual(await page.locator('#contextmenu').count(), 0);
});

/** The URL of an element's CSS background image, or "none". */
async function backgroundUrl(page, selector) {
  return page.locator(selector).evaluate((element) => {
    const image = getComputedStyle(element).backgroundImage;
    const url = /^url\("(.*)"\)$/.exec(image);
    return url ? url[1] : image;
  });
}

async function assertPhoneIcon(page, selector) {
  const url = await backgroundUrl(page, selector);
  assert.match(url, /\/plugins\/click2dial\/plugin\/img\/phone\.svg$/, `${selector}: the icon (background-image ${url})`);
  const answer = await page.request.get(url);
  assert.strictEqual(answer.status(), 200, url);
  assert.match(answer.headers()['content-type'], /^image\/svg\+xml/);
}

test('the menu item and the dialog button show the phone icon, with the CSS served through static.php', async ({ context, shot }) => {
  const page = await logIn(context, SESSION, 'alice', '0000');
  const sheets = await page.evaluate(() => Array.from(document.styleSheets, (sheet) => sheet.href || ''));
  assert.ok(sheets.some((href) => /\/static\.php\?p\[\]=plugins\/click2dial\/plugin\/css\/click2dial\.css&/.test(href)), sheets.join(' '));
  await row(page, 'Bob Builder').click({ button: 'right' });
  await assertPhoneIcon(page, '#contextmenu div.menuitem.icon_click2dial');
  await shot(page, 'menu-icon');
  await page.click('#user');
  const [dialog] = await Promise.all([page.waitForEvent('popup'), row(page, 'Bob Builder').dblclick()]);
  await dialog.locator(DIALOG_BUTTON).waitFor();
  await assertPhoneIcon(dialog, DIALOG_BUTTON);
  await shot(dialog, 'dialog-button-icon');
});

test('the contact dialog (task=contact_standard, hook task "contact") has a Call button that calls the number as edited in the dialog', async ({ context, shot }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'carol', 'secret');
  const [dialog] = await Promise.all([page.waitForEvent('popup'), row(page, 'Bob Builder').dblclick()]);
  assert.match(dialog.url(), /task=contact_standard/);
  const button = dialog.locator(DIALOG_BUTTON);
  await button.waitFor();
  // As in WebAccess' contact dialog: the business number is the hidden office_telephone_number
  // field behind the visible "Business" field; there is no business_telephone_number field.
  assert.strictEqual(await dialog.inputValue('#office_telephone_number'), '207');
  assert.strictEqual(await dialog.locator('#business_telephone_number').count(), 0);
  await dialog.fill('#telephone_number_1', '205');
  await dialog.locator('#telephone_number_1').dispatchEvent('change');
  await button.click();
  await notice(dialog, 'Your phone will ring now');
  await shot(dialog, 'dialog-edited-number');
  const recorded = await waitForCalls(SESSION_PBX, 1);
  assert.deepStrictEqual(recorded.map((call) => [call.user, call.dialed]), [['202', '205']]);
});

test('host: once the session has ended, zarafa.php answers <error logon="false"> itself and no call is placed', async ({ context }) => {
  await clearCalls(SESSION_PBX);
  const page = await logIn(context, SESSION, 'alice', '0000');
  const other = await context.newPage();
  await other.goto(SESSION + '/index.php?logout');
  await other.close();
  const answer = await page.request.post(SESSION + '/zarafa.php?subsystem=webclient', {
    headers: { 'Content-Type': 'text/xml' },
    data: '<zarafa><module name="click2dialmodule" id="webclient_1"><action type="getsettings"/></module></zarafa>',
  });
  assert.strictEqual(answer.status(), 200);
  assert.match(await answer.text(), /^<zarafa>\s*<error logon="false" mapi="MAPI_E_UNCONFIGURED">Logon failed<\/error>\s*<\/zarafa>$/);
  await contextMenuCall(page, 'Bob Builder');
  await page.locator('#xmlrequest_error', { hasText: 'Logon failed' }).waitFor();
  assert.strictEqual((await calls(SESSION_PBX)).length, 0);
});

require('./links')({ test, logIn, notice, calls, clearCalls, waitForCalls, SESSION, SESSION_PBX });
require('./dialbox')({ test, logIn, notice, calls, clearCalls, waitForCalls, SESSION, SESSION_PBX });
require('./cross-site')({ test, logIn, contextMenuCall, notice, calls, clearCalls, waitForCalls, STORED, STORED_PBX, SESSION, SESSION_PBX });
require('./clicktocall')({ test, logIn, contextMenuCall });

(async () => {
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright gives every launch a fresh, temporary --user-data-dir of its own.
  });
  let passed = 0;
  let failed = 0;
  const only = process.argv[2];
  for (const { name, fn } of tests) {
    if (only && !name.includes(only)) continue;
    const context = await browser.newContext();
    const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 50);
    const shot = (page, label) => page.screenshot({ path: path.join(SHOT_DIR, `${slug}--${label}.png`) });
    const errors = [];
    context.on('page', (p) => p.on('pageerror', (e) => errors.push(e.message)));
    try {
      await fn({ context, shot });
      assert.deepStrictEqual(errors, [], 'no JavaScript errors in the page');
      passed++;
      console.log(`PASS ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n  ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n  ')}`);
      for (const p of context.pages()) await shot(p, 'failure').catch(() => {});
    }
    await context.close();
  }
  await browser.close();
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
});
