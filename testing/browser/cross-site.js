// Browser tests of cross-site requests: a logged-in user opens an attacker's page, which tries
// to place a call and store its own PIN through zarafa.php the two ways a page of another origin
// can send an XML body without a CORS preflight (fetch no-cors with text/plain, and a form with
// enctype="text/plain" whose field name and value spell the XML), and to frame the host.
//
// The attacker is served from two loopback origins (node's http module, started on first use):
//   same site   http://127.0.0.1:<stored port + 10>: another port of the host's name is another
//               origin but the same site, so even the SameSite=Strict cookie goes along; only
//               the plugin's own request guard stands between the page and a call;
//   other site  http://127.0.0.2:<same port>: the cookie stays home (SameSite=Strict).
// run.js loads this file and passes its helpers.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const assert = require('assert');

// What the attacker sends: a call, then the stored PIN forgotten and replaced with its own.
const ATTACK_XML = '<zarafa><module name="click2dialmodule" id="webclient_9">'
  + '<action type="call"><number>207</number></action>'
  + '<action type="clearpin"/><action type="savepin"><pin>9999</pin></action></module>';
// A text/plain form sends "name=value\r\n": the name ends in an attribute, the value closes it.
const FORM_NAME = ATTACK_XML + '<x y';
const FORM_VALUE = '"z"/></zarafa>';
const FETCH_BODY = FORM_NAME + '=' + FORM_VALUE;

// JSON for inside a <script>: no "</script>" can end it early.
const js = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

function attackerPage(kind, target) {
  const url = target + '/zarafa.php?subsystem=webclient';
  if (kind === 'fetch') {
    return `<!DOCTYPE html><title>attacker</title><script>
fetch(${js(url)}, {method: 'POST', mode: 'no-cors', credentials: 'include',
  headers: {'Content-Type': 'text/plain'}, body: ${js(FETCH_BODY)}})
  .then(function () { document.title = 'sent'; }, function (e) { document.title = 'failed: ' + e; });
</script>`;
  }
  if (kind === 'form' || kind === 'urlform') {
    // urlform: an ordinary form (urlencoded), whose body is no XML at all.
    const enctype = kind === 'form' ? 'text/plain' : 'application/x-www-form-urlencoded';
    return `<!DOCTYPE html><title>attacker</title>
<form id="f" method="post" enctype="${enctype}" action="${url.replace(/&/g, '&amp;')}"><input id="i" type="hidden"></form>
<script>
var field = document.getElementById('i');
field.name = ${js(FORM_NAME)};
field.value = ${js(FORM_VALUE)};
document.getElementById('f').submit();
</script>`;
  }
  return `<!DOCTYPE html><title>attacker</title><iframe id="victim" src="${target}/index.php" width="600" height="400"></iframe>`;
}

let servers = null;
/** Starts the attacker's server on both origins once; returns {sameSite, otherSite} base URLs. */
async function attacker(storedUrl) {
  if (servers) return servers.urls;
  const port = Number(new URL(storedUrl).port) + 10;
  const handler = (request, response) => {
    const url = new URL(request.url, 'http://attacker');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(attackerPage(url.pathname.slice(1), url.searchParams.get('target')));
  };
  const listen = (host) => new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.on('error', reject);
    server.listen(port, host, () => { server.unref(); resolve(server); });
  });
  servers = {
    list: [await listen('127.0.0.1'), await listen('127.0.0.2')],
    urls: { sameSite: `http://127.0.0.1:${port}`, otherSite: `http://127.0.0.2:${port}` },
  };
  return servers.urls;
}

const pbx = async (control) => (await fetch(control + '/calls')).json();
const hostLog = (name) => path.join(__dirname, '..', '..', '.run', 'browser', name, 'host.log');
/** How many requests the plugin has refused on host `name` (its lines in the host's PHP log). */
const refusals = (name) => (fs.readFileSync(hostLog(name), 'utf8').match(/click2dial plugin: refused a request/g) || []).length;

/**
 * Opens the attacker's page `kind` against host `name` at `target` in the user's browser, and
 * tells what came of its request: the host's status (200: the session cookie went along; 403:
 * zarafa.php saw no logged-in user), how many requests the plugin refused meanwhile (a no-cors
 * answer is opaque to the test too), the calls the emulator has recorded (at `control`), and
 * the Content-Type the page sent; answer: the host's reply as the form's page shows it (null for
 * the fetch, whose answer the page cannot read).
 */
async function attack(context, origin, kind, name, target, control) {
  const before = refusals(name);
  const page = await context.newPage();
  const sent = page.waitForRequest((r) => r.url().includes('/zarafa.php'), { timeout: 10000 });
  const answered = page.waitForResponse((r) => r.url().includes('/zarafa.php'), { timeout: 10000 });
  await page.goto(`${origin}/${kind}?target=${encodeURIComponent(target)}`);
  const request = await sent;
  const response = await answered;
  if (kind === 'fetch') await page.waitForFunction(() => document.title !== 'attacker');
  else await page.waitForURL('**/zarafa.php**');
  const headers = await request.allHeaders();
  const answer = kind === 'fetch' ? null : await page.evaluate(() => document.documentElement.outerHTML);
  await page.close();
  return {
    answer,
    status: response.status(),
    refused: refusals(name) - before,
    calls: (await pbx(control)).length,
    contentType: headers['content-type'],
  };
}

module.exports = function register({ test, logIn, contextMenuCall, notice, calls, clearCalls, waitForCalls, STORED, STORED_PBX, SESSION, SESSION_PBX }) {
  const storedSettings = path.join(__dirname, '..', '..', '.run', 'browser', 'stored', 'state', 'settings', 'alice.json');
  const readSettings = () => (fs.existsSync(storedSettings) ? fs.readFileSync(storedSettings, 'utf8') : '');

  test('cross-site: an attacker page (no-cors fetch and text/plain form, same site and other site) places no call and leaves the stored PIN', async ({ context }) => {
    const origins = await attacker(STORED);
    await clearCalls(STORED_PBX);
    const page = await logIn(context, STORED, 'alice', 'login-password');
    page.on('dialog', (question) => question.accept());
    await page.evaluate(() => click2dial.getModule().savePin('0000'));
    await page.waitForFunction(() => click2dial.settings.pinStored);
    const settingsBefore = readSettings();

    for (const kind of ['fetch', 'form']) {
      // The same site: the cookie goes along and the request reaches the plugin, which refuses it.
      const { answer: sameAnswer, ...sameSite } = await attack(context, origins.sameSite, kind, 'stored', STORED, STORED_PBX);
      assert.deepStrictEqual(sameSite, { status: 200, refused: 1, calls: 0, contentType: 'text/plain' }, `${kind} from the same site`);
      if (sameAnswer !== null) assert.match(sameAnswer, /<kind>cross_site<\/kind>/);
      // Another site: the SameSite=Strict cookie stays home, so zarafa.php sees no logged-in user
      // and answers itself, as WebAccess does (status 200, <error logon="false">); no module runs.
      const { answer: otherAnswer, ...otherSite } = await attack(context, origins.otherSite, kind, 'stored', STORED, STORED_PBX);
      assert.deepStrictEqual(otherSite, { status: 200, refused: 0, calls: 0, contentType: 'text/plain' }, `${kind} from another site`);
      if (otherAnswer !== null) assert.match(otherAnswer, /logon="false"/);
    }
    assert.deepStrictEqual(await calls(STORED_PBX), [], 'the emulator recorded no call');
    assert.strictEqual(readSettings(), settingsBefore, 'the stored settings (and PIN) are unchanged');

    // The plugin's own call still works, with the PIN stored before the attacks.
    await contextMenuCall(page, 'Bob Builder');
    await notice(page, 'Your phone will ring now');
    const recorded = await waitForCalls(STORED_PBX, 1);
    assert.strictEqual(recorded.length, 1);
    assert.strictEqual(recorded[0].user, '206');
    assert.strictEqual(recorded[0].dialed, '207');
  });

  test('cross-site: in session mode an attacker page on the same site places no call (nor does a form that is not XML), the plugin\'s own call goes through', async ({ context }) => {
    const origins = await attacker(STORED);
    await clearCalls(SESSION_PBX);
    const page = await logIn(context, SESSION, 'alice', '0000');
    for (const kind of ['fetch', 'form']) {
      const { answer, ...sameSite } = await attack(context, origins.sameSite, kind, 'session', SESSION, SESSION_PBX);
      assert.deepStrictEqual(sameSite, { status: 200, refused: 1, calls: 0, contentType: 'text/plain' }, kind);
    }
    // A body that is not XML does not even reach a module: zarafa.php answers as WebAccess does.
    const { answer, ...plainForm } = await attack(context, origins.sameSite, 'urlform', 'session', SESSION, SESSION_PBX);
    assert.deepStrictEqual(plainForm, { status: 200, refused: 0, calls: 0, contentType: 'application/x-www-form-urlencoded' });
    assert.match(answer, /<xml_error>/);
    assert.deepStrictEqual(await calls(SESSION_PBX), [], 'the emulator recorded no call');
    await contextMenuCall(page, 'Bob Builder');
    await notice(page, 'Your phone will ring now');
    assert.strictEqual((await waitForCalls(SESSION_PBX, 1)).length, 1);
  });

  test('cross-site: the plugin\'s request is text/xml as WebAccess sends it, and the session cookie is HttpOnly and SameSite=Strict', async ({ context }) => {
    const page = await logIn(context, SESSION, 'alice', '0000');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/zarafa.php')),
      page.evaluate(() => click2dial.loadSettings()),
    ]);
    // A request made exactly as client/core/xmlrequest.js of WebAccess makes it; the browser
    // rewrites the charset's spelling, so what goes on the wire is compared.
    const [real] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/zarafa.php?subsystem=real')),
      page.evaluate(() => {
        var request = new XMLHttpRequest();
        request.open("POST", "zarafa.php?subsystem=real", true);
        request.setRequestHeader("Content-Type", "text/xml;charset=utf-8;");
        request.send("<zarafa></zarafa>");
      }),
    ]);
    assert.strictEqual(request.headers()['content-type'], real.headers()['content-type']);
    const cookie = (await context.cookies(SESSION)).find((c) => c.name === 'ZARAFA_HOST');
    assert.ok(cookie, 'the session cookie');
    assert.strictEqual(cookie.httpOnly, true);
    assert.strictEqual(cookie.sameSite, 'Strict');
    assert.strictEqual(await page.evaluate(() => document.cookie), '', 'no script reads the session cookie');
  });

  test('cross-site: an attacker page cannot frame the host (clickjacking the Call menu)', async ({ context }) => {
    const origins = await attacker(STORED);
    await logIn(context, SESSION, 'alice', '0000');
    const page = await context.newPage();
    const framed = page.waitForResponse((r) => r.url().startsWith(SESSION + '/index.php'));
    await page.goto(`${origins.sameSite}/frame?target=${encodeURIComponent(SESSION)}`);
    const response = await framed;
    assert.strictEqual(response.headers()['x-frame-options'], 'DENY');
    assert.strictEqual(response.headers()['content-security-policy'], "frame-ancestors 'none'");
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const shown = frame ? await frame.evaluate(() => !!document.querySelector('#contactlist, #login')).catch(() => false) : false;
    assert.strictEqual(shown, false, 'the host is not shown inside the attacker page');
  });
};
