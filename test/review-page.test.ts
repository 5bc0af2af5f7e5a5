import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence, Verdict } from '../contracts/index.js';
import { REVIEW_PAGE_CSP } from '../server/routes/review-page.js';
import { auditLog, createReport, createToken, saveListing, setReportStatus } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

const PHONE = '13812345678';
const MASKED_PHONE = '138******78';
const XSS_TITLE = '<script>window.__pwned=1</script>';
const XSS_DESCRIPTION = '<img src=x onerror="window.__pwned=2">';

interface Seed {
  title: string;
  description?: string;
  price?: string;
  url?: string;
  site?: string;
  score: number;
  category: Verdict['category'];
  /** In the review band (not flagged, worth a look). */
  review?: boolean;
  /** Words of the title, description or price the classifier "found", with its reason. */
  found?: [Evidence['field'], string, string][];
}

const SEEDS = {
  idPhotos: {
    title: '手持身份证照 一套三张',
    description: `实拍 手持身份证 正反面，加微信 ${PHONE} 秒发`,
    price: '¥30/套',
    score: 0.99,
    category: 'id_holding_photo',
    found: [
      ['title', '手持身份证照', 'ID-holding photo'],
      ['description', PHONE, 'off-platform contact'],
      ['price', '¥30/套', 'unit price'],
    ],
  },
  kit: { title: '人脸四件套 懂的来', score: 0.95, category: 'identity_kit' },
  bundle: { title: '人脸照片 两万套 打包', score: 0.9, category: 'face_bundle' },
  hostile: { title: XSS_TITLE, description: XSS_DESCRIPTION, url: 'javascript:window.__pwned=3', score: 0.8, category: 'face_bundle' },
  liveness: { title: '照片活化 眨眼 过人脸', site: 'other-market', score: 0.7, category: 'liveness_bypass' },
  bedding: { title: '纯棉四件套', score: 0.02, category: null },
  band: { title: '脸子 打包 私聊', score: 0.45, category: null, review: true },
} satisfies Record<string, Seed>;
const QUEUE_ORDER = [SEEDS.idPhotos, SEEDS.kit, SEEDS.bundle, SEEDS.hostile, SEEDS.liveness].map((s) => s.title);

function evidenceOf(seed: Seed): Evidence[] {
  return (seed.found ?? []).map(([field, word, reason]) => {
    const start = (seed[field] ?? '').indexOf(word);
    return { field, start, end: start + word.length, text: word, reason };
  });
}

describe('the review page', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'review-page');
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let inv: string;
  let mod: string;
  let ids: Record<keyof typeof SEEDS, number>;
  // Console errors and uncaught exceptions (CSP violations are console errors); a test removes the ones it expects.
  let pageErrors: string[];

  beforeAll(async () => {
    // No skip when Chromium is missing: launch throws and every test fails, as it should.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(() => browser?.close());

  beforeEach(async () => {
    inv = await createToken(s.t.store, 'inv-a', 'investigator');
    mod = await createToken(s.t.store, 'mod-a', 'moderator');
    ids = {} as typeof ids;
    for (const [key, seed] of Object.entries(SEEDS) as [keyof typeof SEEDS, Seed][]) {
      const url = seed.url ?? `http://m.example/item/${key}`;
      const saved = await saveListing(
        s.t.store,
        {
          site: seed.site ?? 'demo',
          url,
          canonicalUrl: url,
          title: seed.title,
          description: seed.description ?? null,
          price: seed.price ?? null,
          seller: `seller ${PHONE}`,
          images: ['http://m.example/a.jpg', 'http://m.example/b.jpg'],
          fetchedAt: '2026-11-23T00:00:00Z',
          httpStatus: 200,
          contentHash: `hash-${key}`,
          source: 'crawl',
          crawlId: 'c',
        },
        {
          flagged: seed.score > 0.5,
          review: (seed as Seed).review ?? false,
          category: seed.category,
          score: seed.score,
          evidence: evidenceOf(seed),
          modelVersion: 'm1',
        },
      );
      ids[key] = saved.listingId;
    }
    const { report } = await createReport(s.t.store, {
      clientReportId: crypto.randomUUID(),
      reporter: 'mod-a',
      url: 'http://m.example/item/idPhotos',
      title: null,
      description: null,
      price: null,
      seller: null,
      note: 'sells handheld ID photos in bulk',
      suspectedCategory: 'id_holding_photo',
    });
    await setReportStatus(s.t.store, report.id, 'classified', { listingId: ids.idPhotos });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    // Fail a missing element well before the test's own timeout, with Playwright's message.
    page.setDefaultTimeout(10_000);
    pageErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  // Waits for the page to catch up: API round trips and rendering are asynchronous.
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
  const api = (url: string) => s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${inv}` } });
  const decisionOf = async (id: number) => (await api(`/api/v1/listings/${id}`)).json().decision as string | null;
  const status = () => page.locator('#status').textContent();
  const rowTitles = () => page.locator('#queue-rows .row-title').allTextContents();
  const selectedRowId = () => page.locator('#queue-rows tr[aria-current="true"]').getAttribute('data-id');
  const apply = () => page.getByRole('button', { name: 'Apply' }).click();

  async function signIn(token = inv): Promise<void> {
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  async function openQueue(): Promise<void> {
    await page.goto(base);
    await signIn();
    await page.locator('#queue-rows tr').first().waitFor();
  }

  it('serves the page, its script and its stylesheet under a strict CSP', async () => {
    for (const path of ['/', '/review.js', '/review.css']) {
      const res = await s.app.inject({ method: 'GET', url: path });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toBe(REVIEW_PAGE_CSP);
      expect([res.headers['x-content-type-options'], res.headers['referrer-policy']]).toEqual(['nosniff', 'no-referrer']);
    }
    const page = await s.app.inject({ method: 'GET', url: '/' });
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)/); // no inline script
    expect(page.body).not.toMatch(/<style|\sstyle=/); // no inline style
  });

  it('signs in with an investigator token, and says why a bad or a moderator token is refused', async () => {
    const res = await page.goto(base);
    expect(res?.headers()['content-security-policy']).toBe(REVIEW_PAGE_CSP);
    await signIn('not-a-token');
    await eventually(status).toContain('unknown or revoked token');
    await signIn(mod);
    await eventually(status).toContain('this page is for investigators');
    expect(await page.locator('#review-view').isHidden()).toBe(true);
    await signIn(inv);
    await eventually(() => page.locator('#who').textContent()).toBe('inv-a (investigator)');
    // The token lives in this tab's sessionStorage: a reload keeps the session, signing out ends it.
    await page.reload();
    await eventually(rowTitles).toEqual(QUEUE_ORDER);
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.getByLabel('Access token').isVisible()).toBe(true);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(await page.locator('#queue-rows tr').count()).toBe(0);
    // Chromium logs the refused /me calls (401 and 403) as failed loads; nothing else may show up.
    pageErrors = pageErrors.filter((e) => !/Failed to load resource: the server responded with a status of 40[13]/.test(e));
  });

  it('lists flagged, undecided listings highest score first and filters them', async () => {
    await openQueue();
    expect(await rowTitles()).toEqual(QUEUE_ORDER);
    const first = page.locator('#queue-rows tr').first();
    // The title, and under it price, site, seller (masked) and reports; then score, category (in words) and state.
    expect(await first.locator('.row-title').textContent()).toBe(SEEDS.idPhotos.title);
    expect(await first.locator('.particulars').textContent()).toBe(`¥30/套 · demo · seller ${MASKED_PHONE} · 1 report`);
    expect(await first.locator('td').allTextContents()).toEqual(['', expect.any(String), '0.99', 'ID-holding photo', '']);
    await page.getByLabel('Category', { exact: true }).selectOption('identity_kit');
    await apply();
    await eventually(rowTitles).toEqual([SEEDS.kit.title]);
    await page.getByLabel('Category', { exact: true }).selectOption('');
    await page.getByLabel('Search', { exact: true }).fill('两万');
    await apply();
    await eventually(rowTitles).toEqual([SEEDS.bundle.title]);
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Site', { exact: true }).fill('other-market');
    await apply();
    await eventually(rowTitles).toEqual([SEEDS.liveness.title]);
    // The review band: not flagged, but worth an investigator's look.
    await page.getByLabel('Site', { exact: true }).fill('');
    await page.getByLabel('Flagged', { exact: true }).selectOption('review');
    await apply();
    await eventually(rowTitles).toEqual([SEEDS.band.title]);
    expect(await page.locator('#queue-rows tr').first().locator('td.score .band').textContent()).toBe('needs review');
  });

  it('opens a listing with its evidence marked, its report and history, masked until unmasked', async () => {
    await openQueue();
    await page.locator('#queue-rows .row-title').first().click();
    const view = page.locator('#listing-body');
    await view.locator('h3').waitFor();
    const detail = (await api(`/api/v1/listings/${ids.idPhotos}`)).json() as { verdicts: { evidence: Evidence[] }[] };
    const evidence = detail.verdicts[0]!.evidence;
    const marks = view.locator('h3 mark, .price mark, p.description mark');
    // Marks follow the page's order (title, price, description); compare them as sets with the evidence.
    const marked = await marks.evaluateAll((nodes) => nodes.map((n) => `${n.textContent} | ${n.getAttribute('title')}`));
    expect(marked.sort()).toEqual(evidence.map((e) => `${e.text} | ${e.reason}`).sort());
    expect(await view.locator('ul.evidence li').count()).toBe(evidence.length);
    expect(await view.locator('p.description').textContent()).toContain(MASKED_PHONE);
    const link = view.locator('a[target="_blank"]');
    expect([await link.getAttribute('href'), await link.getAttribute('rel')]).toEqual(['http://m.example/item/idPhotos', 'noopener noreferrer nofollow']);
    const text = await view.textContent();
    for (const expected of ['sells handheld ID photos in bulk', 'hash-idPhotos', '2 (not shown)', 'model m1', 'Not decided yet.'])
      expect(text).toContain(expected);
    expect(await page.locator('img').count()).toBe(0);
    await page.getByRole('button', { name: 'Unmask' }).click();
    await eventually(() => view.locator('p.description').textContent()).toContain(PHONE);
    // The page's view and claim (in either order: they go out together), this test's own read of the evidence, then the page's unmask.
    const actions = (await auditLog(s.t.store, ids.idPhotos)).map((e) => e.action);
    expect([actions.slice(0, 2).sort(), actions.slice(2)]).toEqual([
      ['claim', 'view'],
      ['view', 'unmask'],
    ]);
  });

  it('decides with the keyboard and moves to the next row, ignoring keys typed in a field', async () => {
    await openQueue();
    // Typed in a field, c is text; Escape leaves the field and the keys work again.
    await page.getByLabel('Search', { exact: true }).press('c');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await eventually(() => page.locator('#listing-body h3').textContent()).toBe(SEEDS.idPhotos.title);
    await page.keyboard.press('c');
    await eventually(() => decisionOf(ids.idPhotos)).toBe('confirmed');
    await eventually(selectedRowId).toBe(String(ids.kit));
    await eventually(() => page.locator('#listing-body h3').textContent()).toBe(SEEDS.kit.title);
    expect(await page.locator('#queue-rows tr').first().locator('td.state').textContent()).toBe('confirmed');
    expect(await decisionOf(ids.kit)).toBeNull();
  });

  it('decides the checked rows at once', async () => {
    await openQueue();
    await page.locator('#queue-rows tr').nth(1).getByRole('checkbox').check();
    for (const key of ['j', 'j', 'j', 'x']) await page.keyboard.press(key);
    await eventually(selectedRowId).toBe(String(ids.bundle));
    await page.getByRole('button', { name: 'Dismiss selected' }).click();
    await eventually(status).toContain('Dismissed 2 listing(s)');
    expect([await decisionOf(ids.kit), await decisionOf(ids.bundle), await decisionOf(ids.idPhotos)]).toEqual(['dismissed', 'dismissed', null]);
    expect(await page.locator('#queue-rows input:checked').count()).toBe(0);
  });

  it('exports the current filter as a masked CSV file', async () => {
    await openQueue();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faceleak-export-.*\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(
      /^id,site,url,title,description,price,priceAmount,currency,priceUnit,seller,flagged,review,score,category,modelVersion,evidence,decision,/,
    );
    expect(lines).toHaveLength(1 + QUEUE_ORDER.length);
    expect(lines.join('\n')).toContain(MASKED_PHONE);
    expect(lines.join('\n')).not.toContain(PHONE);
  });

  it('shows hostile text as text: no script runs, no image, no javascript: link', async () => {
    await openQueue();
    await page.locator('#queue-rows .row-title', { hasText: XSS_TITLE }).click();
    const view = page.locator('#listing-body');
    await eventually(() => view.locator('h3').textContent()).toBe(XSS_TITLE);
    expect(await view.locator('p.description').textContent()).toBe(XSS_DESCRIPTION);
    expect(await page.locator('#queue-rows .row-title').nth(3).textContent()).toBe(XSS_TITLE);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await view.locator('a').count()).toBe(0);
    expect(await view.textContent()).toContain('javascript:window.__pwned=3 (not an http(s) address, so not a link)');
  });
});
