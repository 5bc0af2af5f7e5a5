import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../contracts/index.js';
import { demoSiteConfig, type DemoListing } from '../demo/demo-market.js';
import { addReportSite, createReport, recordDecision } from '../store/index.js';
import { startModeratorDay, trackedPages, type ModeratorDay } from './helpers/extension-browser.js';

// The popup as a moderator meets it day to day: a fresh set-up, pages that are no listings, a page
// reported twice, and the investigators' decisions coming back. One browser and server for the file.
let day: ModeratorDay;
const pages = trackedPages(() => day);

const eventually = <T>(read: () => Promise<T>, timeout = 30_000) => expect.poll(read, { timeout, interval: 100 });
const listing = (id: string): DemoListing => day.market.listings.find((l) => l.id === id)!;
const reportsOf = (url: string) =>
  day.store.db.selectFrom('reports').select(['id', 'status', 'note', 'listing_id']).where('url', '=', url).orderBy('created_at').execute();
const field = (popup: Page, name: string) => popup.locator(`dd[data-field="${name}"]`).textContent();
const currentLabel = (popup: Page) => popup.locator('#current .label').first().getAttribute('data-outcome');

beforeAll(async () => {
  day = await startModeratorDay('ext-popup');
  // The demo market is a site the server knows, with its field selectors (GET /api/v1/sites).
  const site = SiteConfigSchema.parse(demoSiteConfig(day.market.origin));
  await addReportSite(day.store, site, { source: 'admin', by: 'test', recrawlPrivate: false });
}, 120_000);

afterAll(async () => {
  await day?.close();
});

afterEach(async () => {
  expect(await pages.closeAll()).toEqual([]);
});

/** A tab at `url` and its id, found as the one tab that was not there before (the browser hides such pages' addresses). */
async function tabAt(url: string): Promise<number> {
  const worker = await day.browser.serviceWorker();
  const ids = () => worker.evaluate('chrome.tabs.query({}).then((tabs) => tabs.map((t) => t.id))') as Promise<number[]>;
  const before = new Set(await ids());
  const page = await pages.newPage();
  await page.goto(url).catch(() => undefined); // chrome://newtab redirects, which goto reports as aborted
  const added = (await ids()).filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  // The popup is opened on a tab that has finished loading, as a moderator's click is: under load a tab
  // still committing its page made the browser refuse in words that name no address.
  await eventually(() => worker.evaluate(`chrome.tabs.get(${added[0]!}).then((t) => t.status)`)).toBe('complete');
  return added[0]!;
}

describe('the popup, day to day', () => {
  it("reads the first listing after set-up with its site's selectors", async () => {
    const options = await pages.newPage();
    await options.goto(day.browser.extensionUrl('options.html'));
    await options.getByLabel('Server address').fill(day.origin);
    await options.getByLabel('Your token').fill(day.token);
    await options.getByRole('button', { name: 'Save' }).click();
    await eventually(() => options.locator('#status').textContent()).toBe('Connected as mod-ext-popup (moderator).');
    const { popup } = await pages.openPopupOn('/item/d01');
    await eventually(() => field(popup, 'price')).toBe(listing('d01').price);
    // Read with the site's selectors (the crawler's reading), not guessed from the page's layout.
    expect(await popup.locator('dd.sources').textContent()).toBe('selector');
  }, 90_000);

  it('says in plain words that a browser page or an empty tab cannot be read or reported, and why, also when asked to highlight', async () => {
    const cases: [string, RegExp][] = [
      ['chrome://settings/', /^This page cannot be read or reported: it is one of the browser's own pages \(a new tab, settings, history…\)/],
      ['chrome://newtab/', /^This page cannot be read or reported: it is one of the browser's own pages/],
      ['about:blank', /^This page cannot be read or reported: the browser does not let extensions read it: it is an empty tab \(about:blank\)/],
    ];
    for (const [url, reason] of cases) {
      const tabId = await tabAt(url);
      const popup = await pages.openPopupFor(tabId);
      const notice = popup.locator('#fields .unreadable');
      await eventually(() => notice.textContent()).toMatch(reason);
      expect(await notice.textContent()).not.toMatch(/manifest|Cannot access|permission/i);
      expect(await popup.locator('#fields').textContent()).not.toContain('Reading the page');
      expect(await popup.getByRole('button', { name: 'Report this page' }).isDisabled()).toBe(true);
      const box = popup.getByLabel('Highlight coded terms on this page');
      expect(await box.isDisabled()).toBe(true);
      // The highlighter asked anyway (a click that came before the page was read) says the same.
      const reply = (await popup.evaluate(`chrome.runtime.sendMessage({ type: 'highlight/set', tabId: ${tabId}, on: true })`)) as {
        ok: boolean;
        error: string;
      };
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(reason);
      expect(await popup.locator('#status').textContent()).toBe('');
    }
  }, 90_000);

  it('sets findings of a listing not flagged apart, and shows a description in whole lines', async () => {
    const d28 = listing('d28');
    const { page, popup } = await pages.openPopupOn('/item/d28');
    await eventually(() => popup.locator('#fields').textContent()).toContain(d28.title);
    expect(await field(popup, 'title')).toBe(d28.title);
    const description = popup.locator('dd[data-field="description"]');
    const lines = await description.evaluate((dd) => parseFloat(getComputedStyle(dd).maxHeight) / parseFloat(getComputedStyle(dd).lineHeight));
    expect(Math.abs(lines - Math.round(lines))).toBeLessThan(0.01);
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await eventually(() => currentLabel(popup)).toMatch(/^(not flagged|needs review)$/);
    const current = popup.locator('#current');
    expect(await current.locator('.verdict').textContent()).toMatch(/^Not flagged/);
    expect(await current.locator('.evidence-heading').textContent()).toBe('Found, but not enough to flag it:');
    expect(await current.locator('ul.evidence.weak li').count()).toBeGreaterThan(0);
    expect(await current.locator('ul.evidence:not(.weak)').count()).toBe(0);
    expect(await reportsOf(page.url())).toHaveLength(1);
  }, 90_000);

  it('says when this page was reported before, and lets the moderator add to that report or report again', async () => {
    const { page, popup } = await pages.openPopupOn('/item/d28');
    const url = page.url();
    const earlier = popup.locator('#earlier .earlier-line');
    await eventually(() => earlier.textContent()).toMatch(/^You reported this page at \d{1,2}:\d{2}( [AP]M)? \((not flagged|needs review)\)\.$/);
    expect(await popup.getByRole('button', { name: 'Report this page' }).isVisible()).toBe(false);
    // Adding needs something to add.
    await popup.getByRole('button', { name: 'Add my note to it' }).click();
    await eventually(() => popup.locator('#status').textContent()).toBe('Write what to add in the note (or pick a category) first.');
    expect(await reportsOf(url)).toHaveLength(1);
    await popup.getByLabel('Note for the investigators').fill('the same seller posts it daily');
    await popup.getByRole('button', { name: 'Add my note to it' }).click();
    await eventually(async () => (await reportsOf(url)).length).toBe(2);
    expect((await reportsOf(url))[1]!.note).toMatch(/^Adds to my report of this page at \d{1,2}:\d{2}( [AP]M)?\. the same seller posts it daily$/);
    await eventually(() => currentLabel(popup)).toMatch(/^(not flagged|needs review)$/);
    // "Report again" makes a report of its own.
    const second = await pages.openPopupFor((await day.browser.clickAction(page)) ?? 0);
    await second.getByRole('button', { name: 'Report again' }).click();
    await eventually(async () => (await reportsOf(url)).length).toBe(3);
  }, 90_000);

  it("says so too for a report this moderator made in another browser, which the server knows, and for no one else's", async () => {
    const made = (url: string, reporter: string) =>
      createReport(day.store, {
        clientReportId: randomUUID(),
        reporter,
        url,
        title: 't',
        description: null,
        price: null,
        seller: null,
        note: null,
        suspectedCategory: null,
      });
    await made(`${day.market.origin}/item/d13`, 'mod-ext-popup');
    await made(`${day.market.origin}/item/d16`, 'mod-someone-else');
    const mine = await pages.openPopupOn('/item/d13');
    await eventually(() => mine.popup.locator('#earlier .earlier-line').textContent()).toMatch(
      /^You reported this page at \d{1,2}:\d{2}( [AP]M)? \(queued\)\.$/,
    );
    const theirs = await pages.openPopupOn('/item/d16');
    await eventually(() => theirs.popup.locator('#fields').textContent()).toContain(listing('d16').title);
    await theirs.popup.waitForTimeout(1000);
    expect(await theirs.popup.locator('#earlier').count()).toBe(0);
    expect(await theirs.popup.getByRole('button', { name: 'Report this page' }).isVisible()).toBe(true);
  }, 90_000);

  it('shows in the recent reports what investigators decided, and when', async () => {
    const d28 = listing('d28');
    const [first] = await reportsOf(`${day.market.origin}/item/d28`);
    expect(first!.listing_id).not.toBeNull();
    expect(await recordDecision(day.store, first!.listing_id!, 'dismissed', 'a warning, not a sale', 'inv-ana')).toBe(true);
    const views = async () =>
      (await day.store.db.selectFrom('audit_log').select('id').where('listing_id', '=', first!.listing_id!).where('action', '=', 'view').execute()).length;
    // Every report has its verdict (the last poll of each, with its verdict, is logged as a view).
    const worker = await day.browser.serviceWorker();
    await eventually(() => worker.evaluate(`chrome.storage.local.get('outbox.v1').then((got) => got['outbox.v1'].every((i) => i.stage === 'done'))`)).toBe(
      true,
    );
    const viewsBefore = await views();
    // The popup asks for decisions when it opens (each report at most every few seconds).
    await eventually(async () => {
      const popup = await pages.openPopupFor(0);
      const entry = popup.locator('#reports details.report', { hasText: d28.title }).first();
      await popup.waitForTimeout(1500);
      return entry
        .locator('.decision-line')
        .textContent({ timeout: 1000 })
        .catch(() => null);
    }, 45_000).toMatch(/^✖ Investigators dismissed it on .+ at .+: not a face-data sale\.$/);
    // Asked without the verdict: a decision check reads no listing text, so the audit log stays as it was.
    expect(await views()).toBe(viewsBefore);
  }, 90_000);
});
