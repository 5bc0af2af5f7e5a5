import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/index.js';
import { LiveClassifier, runDiscovery } from '../pipeline/index.js';
import { auditLog, createToken } from '../store/index.js';
import { PLANTED_PHONE, PLANTED_TERM, storePlantedMarket } from './fixtures/planted-jargon.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

const TERM = PLANTED_TERM;
const PHONE = PLANTED_PHONE;
const MASKED_PHONE = '138******78';
// A listing that arrives after the approval: the workers' classifier must now flag it for the term.
const NEW_LISTING = { title: '雾面照 现货 量大', description: '清楚的雾面照 一块一张 百张起 加v详聊', price: '1元/张' };
// How often the test's "worker" looks for a new overlay; real workers use a few seconds.
const REFRESH_MS = 500;

describe('suggested terms on the review page', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'suggested-terms-page');
  let browser: Browser;

  beforeAll(async () => {
    // No skip when Chromium is missing: launch throws and the test fails, as it should.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(() => browser?.close());

  /** The offers and a few hundred benign corpus listings, stored with their verdicts; then discovery. */
  async function seedAndDiscover(base: Classifier, live: LiveClassifier): Promise<void> {
    // Two planted words: one to approve and one to reject, whatever else discovery proposes.
    await storePlantedMarket(s.t.store, base, 300, true);
    expect((await runDiscovery({ store: s.t.store, classifier: live })).added).toBeGreaterThan(0);
  }

  it('lists the pending suggestion masked, approves it, and the workers flag the term without a restart', async () => {
    const base = Classifier.load();
    const live = new LiveClassifier(base, s.t.store, REFRESH_MS);
    const context = await browser.newContext();
    try {
      await seedAndDiscover(base, live);
      const before = live.classify(NEW_LISTING);
      expect(before.evidence.map((e) => e.reason)).not.toContainEqual(expect.stringMatching(/^approved term/));

      const inv = await createToken(s.t.store, 'inv-s', 'investigator');
      await s.app.listen({ port: 0, host: '127.0.0.1' });
      const page: Page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const pageErrors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(m.text())));
      page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
      await page.goto(`http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`);
      await page.getByLabel('Access token').fill(inv);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#queue-rows tr').first().waitFor();

      // Reached from the page's navigation; the queue gives way to the suggestions.
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Suggested terms' }).click();
      const row = page.locator('#suggestion-rows tr', { has: page.locator('th', { hasText: new RegExp(`^${TERM}$`) }) });
      await row.waitFor();
      expect(await page.locator('#queue-view').isHidden()).toBe(true);
      expect(await page.locator('#status').textContent()).toMatch(/suggested term\(s\) waiting/);
      const cells = await row.locator('td').allTextContents();
      expect(cells[0]).toBe('id_holding_photo');
      expect(cells[2]).toMatch(/^\d+ flagged · \d+ needs review · \d+ benign$/);
      const examples = row.locator('ul.examples li');
      expect(await examples.count()).toBeGreaterThan(0);
      expect(await examples.count()).toBeLessThanOrEqual(3);
      // Listing text is masked in the suggestions, as everywhere: the phone never shows in clear.
      const shown = await page.locator('#suggestions-view').textContent();
      expect(shown).toContain(MASKED_PHONE);
      expect(shown).not.toContain(PHONE);

      // An example opens in the listing view, masked too.
      const example = examples.filter({ hasText: MASKED_PHONE }).first();
      const exampleTitle = (await example.getByRole('button').textContent())!;
      await example.getByRole('button').click();
      await expect.poll(() => page.locator('#listing-body h3').textContent(), { timeout: 10_000 }).toBe(exampleTitle);
      expect(await page.locator('body').textContent()).not.toContain(PHONE);

      // Reject another word: its row leaves, the status line says so, and the server keeps the decision.
      const other = page
        .locator('#suggestion-rows tr')
        .filter({ hasNot: page.locator('th', { hasText: TERM }) })
        .first();
      const otherTerm = (await other.locator('th').textContent())!;
      const rowsBefore = await page.locator('#suggestion-rows tr').count();
      await other.getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toBe(`Rejected “${otherTerm}”: it will not be suggested again.`);
      expect(await page.locator('#suggestion-rows tr').count()).toBe(rowsBefore - 1);
      const rejected = await s.app.inject({ method: 'GET', url: '/api/v1/suggestions?status=rejected', headers: { authorization: `Bearer ${inv}` } });
      expect(rejected.json().items.map((i: { term: string }) => i.term)).toEqual([otherTerm]);

      // Approve with the controls' defaults (suggested category, only with other signs of the trade, weight 2), keyboard first.
      const decide = row.getByRole('group');
      expect(await decide.getByLabel('Category').inputValue()).toBe('id_holding_photo');
      expect(await decide.getByLabel('counts only with other signs of the trade').isChecked()).toBe(true);
      expect(await decide.getByLabel('Weight').inputValue()).toBe('2');
      await decide.getByRole('button', { name: 'Approve' }).focus();
      await page.keyboard.press('Enter');
      await row.waitFor({ state: 'detached' });

      const lexicon = (await s.app.inject({ method: 'GET', url: '/api/v1/lexicon', headers: { authorization: `Bearer ${inv}` } })).json();
      expect(lexicon.overlay.terms).toEqual([expect.objectContaining({ term: TERM, category: 'id_holding_photo', needsSignal: true, weight: 2 })]);
      const status = await page.locator('#status').textContent();
      expect(status).toContain(`Approved “${TERM}” as id_holding_photo`);
      expect(status).toContain(lexicon.version);
      expect((await auditLog(s.t.store)).map((e) => e.action)).toContain('term-approve');

      // The classifier the workers run takes up the new overlay on its timer: no restart, no manual refresh.
      await expect
        .poll(() => live.classify(NEW_LISTING).evidence.map((e) => e.reason), { timeout: 10_000 })
        .toContainEqual(expect.stringMatching(new RegExp(`^approved term: ${TERM}`)));
      const after = live.classify(NEW_LISTING);
      expect(after.modelVersion).toContain(lexicon.version);
      expect(after.flagged).toBe(true);
      expect(after.category).toBe('id_holding_photo');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      live.close();
    }
  }, 90_000);
});
