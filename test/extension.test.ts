import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoListing } from '../demo/demo-market.js';
import { createToken, listListings } from '../store/index.js';
import { freePort, startModeratorDay, trackedPages, type ModeratorDay } from './helpers/extension-browser.js';

// One browser, server and market for the whole file: the tests are steps of one moderator's day.
let day: ModeratorDay;
const pages = trackedPages(() => day);

// Waits that are only about the machine's speed are generous (CI runs on 2 loaded cores); the ones
// that are the feature (how soon a report goes once the server is back) are asserted tightly apart.
const eventually = <T>(read: () => Promise<T>, timeout = 30_000) => expect.poll(read, { timeout, interval: 100 });
const listing = (id: string): DemoListing => day.market.listings.find((l) => l.id === id)!;
const reportsOf = (url: string) => day.store.db.selectFrom('reports').select(['id', 'status', 'note', 'suspected_category']).where('url', '=', url).execute();
const countReports = async () =>
  Number(
    (
      await day.store.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const OUTCOME = /^(flagged|needs review|not flagged)$/;

beforeAll(async () => {
  day = await startModeratorDay('extension');
}, 120_000);

afterAll(async () => {
  await day?.close();
});

afterEach(async () => {
  expect(await pages.closeAll()).toEqual([]);
});

const field = (popup: Page, name: string) => popup.locator(`dd[data-field="${name}"]`).textContent();
const currentLabel = (popup: Page) => popup.locator('#current .label').first().getAttribute('data-outcome');

/** A server that is not faceleak but lets any origin read it (CORS open), as many do. */
async function foreignServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-headers', 'authorization, content-type');
    if (request.method === 'OPTIONS') response.writeHead(204).end();
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>It works!</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("the moderators' extension", () => {
  it('is configured on its options page, which says what is wrong, one cause from another', async () => {
    const options = await pages.newPage();
    await options.goto(day.browser.extensionUrl('options.html'));
    const status = () => options.locator('#status').textContent();
    const testWith = async (url: string, tokenValue: string) => {
      await options.getByLabel('Server address').fill(url);
      await options.getByLabel('Your token').fill(tokenValue);
      await options.getByRole('button', { name: 'Test connection' }).click();
    };
    await eventually(status).toMatch(/^Not set up yet/);
    await testWith(day.origin, 'fl_not-a-token');
    await eventually(status).toBe('Bad token: the server does not know this token, or it was revoked [FL_UNAUTHORIZED]');
    await testWith(day.origin, await createToken(day.store, 'inv-ext', 'investigator'));
    await eventually(status).toMatch(/^Wrong role: this token is inv-ext's, an investigator token/);
    // Four failures a browser reports with the same "Failed to fetch", each told apart with its fix.
    const port = await freePort();
    await testWith(`http://127.0.0.1:${port}`, day.token);
    await eventually(status).toBe(
      `No answer: nothing answers at 127.0.0.1:${port}: check the port, and that the faceleak server runs there (faceleak serve prints the address it listens on).`,
    );
    await testWith('http://faceleak-nowhere.invalid:8080', day.token);
    await eventually(status).toMatch(/^Unknown host: no machine named faceleak-nowhere\.invalid answers: check the name/);
    await testWith(day.market.origin, day.token);
    await eventually(status).toMatch(
      new RegExp(
        `^Server refuses this extension: ${day.market.origin} answers, but does not let this extension in.*chrome-extension://${day.browser.extensionId} in EXTENSION_ORIGINS`,
      ),
    );
    const foreign = await foreignServer();
    try {
      await testWith(foreign.origin, day.token);
      await eventually(status).toMatch(/^Not a faceleak server: something answers at http:\/\/127\.0\.0\.1:\d+, but it is not a faceleak server/);
    } finally {
      foreign.server.close();
    }
    // Saving tests only once the browser's access prompt is answered: no error shows on the way.
    await options.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      const line = document.getElementById('status')!;
      new MutationObserver(() => seen.push(`${line.dataset.kind}: ${line.textContent}`)).observe(line, {
        childList: true,
        characterData: true,
        subtree: true,
        attributes: true,
      });
    });
    await options.getByLabel('Your token').fill(day.token);
    await options.getByLabel('Server address').fill(`${day.origin}/`);
    await options.getByRole('button', { name: 'Save' }).click();
    await eventually(status).toBe('Connected as mod-extension (moderator).');
    expect(await options.getByLabel('Server address').inputValue()).toBe(day.origin);
    const seen = await options.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
    expect(seen.filter((s) => s.startsWith('error'))).toEqual([]);
    // All works, so no line reads like an error: no grey "No host access … EXTENSION_ORIGINS".
    expect(await options.locator('#access').textContent()).not.toMatch(/EXTENSION_ORIGINS|No host access/);

    // Opened again, the page shows the connection as it is, without a click.
    const again = await pages.newPage();
    await again.goto(day.browser.extensionUrl('options.html'));
    await eventually(() => again.locator('#status').textContent()).toBe('Connected as mod-extension (moderator).');
  }, 90_000);

  it('reports a listing from the popup: shows the fields first, then queued → the verdict with its evidence', async () => {
    const d01 = listing('d01');
    const { page, popup } = await pages.openPopupOn('/item/d01');
    await eventually(() => popup.locator('#fields').textContent()).toContain(d01.title);
    expect(await field(popup, 'title')).toBe(d01.title);
    expect(await field(popup, 'description')).toBe(d01.description);
    expect(await popup.locator('dd.sources').textContent()).toBe('heading, main-content, text');
    // The dropdown's words for a category are the verdict's.
    expect(await popup.locator('#category option[value="id_holding_photo"]').textContent()).toBe('ID-holding photo');
    await popup.getByLabel('Suspected category').selectOption('id_holding_photo');
    await popup.getByLabel('Note for the investigators').fill('seen in a chat group');
    await day.stopWorker();
    await popup.getByRole('button', { name: 'Report this page' }).click();
    // Accepted but not yet worked: the popup says queued, and keeps saying it while it polls.
    await eventually(() => currentLabel(popup)).toBe('queued');
    await popup.waitForTimeout(2500);
    expect(await currentLabel(popup)).toBe('queued');
    expect(await popup.locator('#current .detail').textContent()).toBe('waiting for the verdict…');
    // The report's own view says where it stands; no green "queued" line competes with it.
    expect(await popup.locator('#status').textContent()).toBe('');
    await day.startWorker();
    await eventually(() => currentLabel(popup)).toBe('flagged');
    const current = popup.locator('#current');
    // Said once, in words and with an icon, in the dropdown's words.
    expect(await current.locator('summary .label').first().textContent()).toBe('⚠flagged');
    expect(await current.locator('.verdict').allTextContents()).toEqual([expect.stringMatching(/^Flagged as ID-holding photo \(score [01]\.\d{2}\)\.$/)]);
    expect(await current.locator('.detail').count()).toBe(0);
    expect(await current.locator('.evidence-heading').textContent()).toBe('Why:');
    const evidence = await current.locator('ul.evidence li').allTextContents();
    expect(evidence.join('\n')).toContain('手持身份证照');
    expect(await popup.locator('#status').textContent()).toBe('');

    // The report reached the API and the investigators' queue, once.
    const url = page.url();
    expect(await reportsOf(url)).toEqual([
      { id: expect.any(String), status: 'classified', note: 'seen in a chat group', suspected_category: 'id_holding_photo' },
    ]);
    const row = (await listListings(day.store, {}, null, 100)).find((l) => l.url === url);
    expect(row).toMatchObject({ title: d01.title, flagged: true, category: 'id_holding_photo', reports: 1 });
  }, 90_000);

  it('highlights coded terms on the page with their reasons, remembers it for that page, and takes the marks away again', async () => {
    const { page, popup, tabId } = await pages.openPopupOn('/item/d01');
    const textBefore = await page.locator('body').textContent();
    const box = popup.getByLabel('Highlight coded terms on this page');
    await eventually(() => box.isEnabled()).toBe(true);
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await eventually(() => popup.locator('#status').textContent()).toMatch(/^[1-9]\d* coded terms? marked on the page[.,]/);
    const marks = page.locator('mark.faceleak-mark');
    const marked = await marks.evaluateAll((nodes) => nodes.map((n) => `${n.textContent} | ${n.className} | ${n.getAttribute('title')}`));
    expect(marked).toContain('手持身份证照 | faceleak-mark faceleak-term | faceleak: coded term for id_holding_photo');
    // "N coded terms" counts the red marks' terms only; signals and parts are said apart.
    const said = Number(/^(\d+)/.exec((await popup.locator('#status').textContent())!)![1]);
    const termTexts = new Set(await page.locator('mark.faceleak-term').allTextContents());
    expect(said).toBeLessThanOrEqual(await page.locator('mark.faceleak-term').count());
    expect(said).toBeGreaterThanOrEqual(termTexts.size > 0 ? 1 : 0);
    expect(await page.locator('mark.faceleak-signal, mark.faceleak-part').count()).toBeGreaterThan(0);
    // The footer's rules quote the same words; menus and footers are the site's, never marked.
    expect(await page.locator('footer').textContent()).toContain('手持身份证照');
    expect(await page.locator('footer mark, nav mark').count()).toBe(0);
    expect(await page.locator('body').textContent()).toBe(textBefore); // marks add no text

    // The popup opened again on this page ticks its box: the marks are there.
    const reopened = await pages.openPopupFor(tabId);
    await eventually(() => reopened.getByLabel('Highlight coded terms on this page').isChecked()).toBe(true);
    await reopened.getByLabel('Highlight coded terms on this page').uncheck();
    await eventually(() => marks.count()).toBe(0);
    expect(await page.locator('body').textContent()).toBe(textBefore);
    const third = await pages.openPopupFor(tabId);
    await eventually(() => third.locator('dd[data-field="title"]').count()).toBe(1);
    expect(await third.getByLabel('Highlight coded terms on this page').isChecked()).toBe(false);
  }, 90_000);

  it('keeps the token away from scripts running in web pages', async () => {
    const { tabId } = await pages.openPopupOn('/item/d02');
    const worker = await day.browser.serviceWorker();
    // Run code in the content scripts' world of the tab, and try to read the extension's storage.
    const seen = await worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: async () => {
      try { return JSON.stringify(await chrome.storage.local.get(null)); } catch (e) { return 'refused: ' + e.message; }
    } }).then((r) => r[0].result)`);
    expect(seen).toMatch(/^refused: /);
    expect(seen).not.toContain(day.token);
  }, 60_000);

  it('keeps a report made while the server is down, and delivers it exactly once within seconds of its return', async () => {
    await day.stopApi();
    const d05 = listing('d05');
    const { page, popup } = await pages.openPopupOn('/p/d05');
    const url = page.url();
    await eventually(() => popup.locator('#fields').textContent()).toContain(d05.title);
    expect(await field(popup, 'title')).toBe(d05.title);
    expect(await popup.locator('dd.sources').textContent()).toBe('json-ld');
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await eventually(() => popup.locator('#current .detail').textContent()).toMatch(/^not sent yet, tried \d+×, .*cannot reach the server$/);
    expect(await popup.locator('#pending-count').textContent()).toBe('1 waiting to be sent');
    expect(await popup.getByRole('button', { name: 'Retry now' }).isVisible()).toBe(true);
    // A long outage: the report's next send is 10 minutes away, as its backoff leaves it after about
    // ten failed tries. Only the outbox's probe of the server can bring it sooner.
    const worker = await day.browser.serviceWorker();
    const pushBack = `chrome.storage.local.get('outbox.v1').then(async (got) => {
      const items = got['outbox.v1'].map((i) => (i.stage === 'pending' ? { ...i, attempts: 10, nextAt: Date.now() + 600000 } : i));
      await chrome.storage.local.set({ 'outbox.v1': items });
      return items.filter((i) => i.stage === 'pending').map((i) => i.attempts);
    })`;
    await eventually(async () => {
      await worker.evaluate(pushBack);
      await popup.waitForTimeout(300);
      return popup.locator('#current .detail').textContent();
    }).toMatch(/^not sent yet, tried 10×/);
    const before = await countReports();
    await day.startApi();
    const back = Date.now();
    // No click: the probe sees the server answer again and the report goes.
    await eventually(async () => (await reportsOf(url)).length, 60_000).toBe(1);
    const deliveredAfterMs = Date.now() - back;
    // The feature: within a few seconds (probes every 2–3 s), not at the end of a 10-minute backoff.
    expect(deliveredAfterMs).toBeLessThan(10_000);
    await eventually(() => currentLabel(popup), 60_000).toMatch(OUTCOME);
    // Asking again sends nothing more: the report is done, and the server knows its clientReportId.
    await popup.evaluate("chrome.runtime.sendMessage({ type: 'reports/retry' })");
    await popup.waitForTimeout(1500);
    expect(await reportsOf(url)).toHaveLength(1);
    expect(await countReports()).toBe(before + 1);
    expect(await popup.locator('#pending-count').textContent()).toBe('nothing waiting');
    // Nothing to retry, so no "Retry now" beside "nothing waiting".
    expect(await popup.getByRole('button', { name: 'Retry now' }).isVisible()).toBe(false);
  }, 150_000);

  it('keeps a waiting report through a browser restart and delivers it once after', async () => {
    await day.stopApi();
    const { page, popup } = await pages.openPopupOn('/item/d07');
    const url = page.url();
    await eventually(() => popup.locator('#fields').textContent()).toContain(listing('d07').title);
    expect(await field(popup, 'title')).toBe(listing('d07').title);
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await eventually(() => currentLabel(popup)).toBe('waiting');
    expect(await pages.closeAll()).toEqual([]);
    await day.startApi();
    await day.restartBrowser();
    await eventually(async () => (await reportsOf(url)).map((r) => r.status), 60_000).toEqual(['classified']);
    const again = await pages.newPage();
    await again.goto(day.browser.extensionUrl('popup.html?tab=0'));
    const entry = again.locator('#reports details.report', { hasText: listing('d07').title });
    await eventually(() => entry.locator('.label').first().getAttribute('data-outcome')).toMatch(OUTCOME);
    expect(await reportsOf(url)).toHaveLength(1);
  }, 120_000);
});
