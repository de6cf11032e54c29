// Browser tests of the WebAccess plugin on reSIProcate's clicktocall server (click2dial.pbx =
// clicktocall), against the clicktocall emulator (testing/emulators/clicktocall, demo.toml at
// its real times: each phone rings 2 s). testing/browser/run starts that host in stored mode:
// the server takes no per-user password, so no PIN is asked, kept or needed, and the message
// follows the call through the XML interface leg by leg. run.js loads this file.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const CLICKTOCALL = process.env.C2D_CLICKTOCALL_URL;         // host base URL, credentials = stored
const CLICKTOCALL_PBX = process.env.C2D_CLICKTOCALL_CONTROL; // the emulator's control URL
const CLICKTOCALL_RUN = process.env.C2D_CLICKTOCALL_RUN;     // the host's run folder

async function control(method, route, body) {
  const answer = await fetch(CLICKTOCALL_PBX + route, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(answer.ok, `${method} ${route}: ${answer.status}`);
  return answer.json();
}

/** The emulator's record of the calls, once `count` are in and finished (or 20 s passed). */
async function finishedCalls(count) {
  for (let i = 0; i < 200; i++) {
    const calls = await control('GET', '/calls');
    if (calls.length >= count && calls.every((call) => call.finished)) return calls;
    await new Promise((r) => setTimeout(r, 100));
  }
  return control('GET', '/calls');
}

/** Records each [data-state, text] the notice shows, from now on, into window.noticeStates. */
async function recordNoticeStates(page) {
  await page.evaluate(() => {
    window.noticeStates = [];
    new MutationObserver(() => {
      const notice = document.getElementById('click2dial_notice');
      const state = notice && notice.getAttribute('data-state');
      const message = notice && notice.querySelector('.click2dial_message');
      const last = window.noticeStates[window.noticeStates.length - 1];
      if (state && message && !(last && last[0] === state && last[1] === message.textContent)) {
        window.noticeStates.push([state, message.textContent]);
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** Waits until the notice is in `state`; returns its text. */
async function noticeIn(page, state) {
  const locator = page.locator(`#click2dial_notice[data-state="${state}"] .click2dial_message`);
  await locator.waitFor({ timeout: 30000 });
  return locator.textContent();
}

// The order callStatus() moves a clicktocall call through: the user's leg, then the number's.
const ORDER = ['requested', 'ringing', 'connected', 'calling', 'answered', 'failed', 'not_answered'];

function assertInOrder(states) {
  const ranks = states.map(([state]) => ORDER.indexOf(state));
  assert.ok(ranks.every((rank) => rank >= 0), `unexpected state in ${JSON.stringify(states)}`);
  assert.deepStrictEqual(ranks, [...ranks].sort((a, b) => a - b), `states out of order: ${JSON.stringify(states)}`);
}

module.exports = function ({ test, logIn, contextMenuCall }) {
  test('clicktocall: a call goes through both legs, the message names the contact until "Bob Builder answered."', async ({ context, shot }) => {
    await control('DELETE', '/fault');
    await control('DELETE', '/calls');
    const page = await logIn(context, CLICKTOCALL, 'alice', 'login-password');
    await recordNoticeStates(page);
    await contextMenuCall(page, 'Bob Builder');
    assert.strictEqual(await noticeIn(page, 'answered'), 'Bob Builder answered.');
    await shot(page, 'answered');
    const states = await page.evaluate(() => window.noticeStates);
    assertInOrder(states);
    assert.deepStrictEqual(states[states.length - 1], ['answered', 'Bob Builder answered.']);
    assert.ok(states.length >= 2, `the message followed the call: ${JSON.stringify(states)}`);
    for (const [state, text] of states) {
      if (state === 'calling') assert.strictEqual(text, 'Calling Bob Builder …');
    }
    const [call] = await finishedCalls(1);
    assert.strictEqual(call.interface, 'xml', 'placed through the XML interface, which reports progress');
    assert.strictEqual(call.initiator, '206', "alice's extension is rung first");
    assert.strictEqual(call.destination, '207');
    assert.strictEqual(call.final, 200);
  });

  test('clicktocall: a busy number (fault busy) -> "Jürgen Überall is busy.", as news', async ({ context, shot }) => {
    await control('DELETE', '/calls');
    await control('PUT', '/fault', { mode: 'busy', times: 1 });
    try {
      const page = await logIn(context, CLICKTOCALL, 'bob', 'login-password');
      await recordNoticeStates(page);
      await contextMenuCall(page, 'Jürgen Überall');
      assert.strictEqual(await noticeIn(page, 'failed'), 'Jürgen Überall is busy.');
      await shot(page, 'busy');
      const states = await page.evaluate(() => window.noticeStates);
      assertInOrder(states);
      assert.ok(!states.some(([state]) => state === 'answered'), JSON.stringify(states));
      assert.strictEqual(await page.locator('#click2dial_notice.click2dial_info').count(), 1, 'busy is told as news, not as an error');
      const [call] = await finishedCalls(1);
      assert.deepStrictEqual([call.initiator, call.destination, call.fault.mode, call.final], ['207', '208', 'busy', 486]);
    } finally {
      await control('DELETE', '/fault');
    }
  });

  test('clicktocall: stored mode asks no PIN: the settings dialog has no PIN field, the call places without one, nothing is stored', async ({ context, shot }) => {
    await control('DELETE', '/fault');
    await control('DELETE', '/calls');
    const credentials = path.join(CLICKTOCALL_RUN, 'credentials');
    assert.deepStrictEqual(fs.readdirSync(credentials), [], 'nobody has a PIN stored on this host');
    const page = await logIn(context, CLICKTOCALL, 'carol', 'login-password');
    const [dialog] = await Promise.all([page.waitForEvent('popup'), page.click('#open_click2dial_settings')]);
    await dialog.waitForSelector('#click2dial_settings_status:has-text("there is nothing to enter here")');
    assert.strictEqual(await dialog.isVisible('#click2dial_pin'), false, 'no PIN field');
    assert.strictEqual(await dialog.isVisible('#click2dial_save'), false, 'no Save button');
    assert.strictEqual(await dialog.isVisible('#click2dial_clear'), false, 'no "Forget PIN"');
    await shot(dialog, 'settings-no-pin');
    await dialog.close();
    assert.strictEqual(await page.evaluate(() => click2dial.settings.credentials), 'none');
    await contextMenuCall(page, 'Bob Builder');
    await noticeIn(page, 'answered');
    assert.strictEqual(await page.locator('#click2dial_notice .click2dial_action').count(), 0, 'no "Open settings"');
    const [call] = await finishedCalls(1);
    assert.deepStrictEqual([call.initiator, call.destination, call.final], ['202', '207', 200]);
    assert.deepStrictEqual(fs.readdirSync(credentials), [], 'no PIN was stored');
  });
};
