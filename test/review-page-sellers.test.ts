import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, createToken, linkStoredListing, saveSnapshot, type Store } from '../store/index.js';
import { eventually, reviewBrowserScope, seedListing, signInToQueue, type ListingSeed } from './helpers/review-browser.js';
import { STORE_KINDS } from './helpers/stores.js';

// Seller clusters on the review page (issue 14): one seller on two sites under two names with one
// WeChat id written two ways, a bystander, and a hostile title, driven in Chromium.

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">手持身份证照 一套三张';
const ON_XIANYU: ListingSeed = {
  title: HOSTILE_TITLE,
  description: '本人实拍手持身份证正反面，高清原图，量大从优。加V：fa ce88',
  price: '¥0.5/张',
  seller: '小鱼干',
  site: 'xianyu',
  score: 0.97,
  category: 'id_holding_photo',
};
const ON_TAOBAO: ListingSeed = {
  title: '人脸照片打包 两万套 不重样',
  description: '真人人脸照片打包出售，男女老少都有，过人脸识别。薇❤face_88',
  price: '¥300',
  seller: '鱼干铺子',
  site: 'taobao',
  score: 0.93,
  category: 'face_bundle',
};
const BYSTANDER: ListingSeed = { title: '人脸四件套 懂的来', seller: '路人甲', site: 'demo', score: 0.9, category: 'identity_kit' };
// The handle keys whole: what masking must keep off the page.
const WHOLE_HANDLES = ['wechat:face88', 'wechat:face_88'];
const SNAPSHOT_TEXT = '<html><script>window.__pwned=2</script><p>加V：fa ce88</p></html>';

/** Saves a listing and links it into the seller clusters, as the pipeline does. */
async function seedLinked(store: Store, key: string, seed: ListingSeed): Promise<number> {
  const id = await seedListing(store, key, seed);
  const { site, title, description = null, price = null, seller = null } = seed;
  await linkStoredListing(store, id, { url: `http://m.example/item/${key}`, site, title, description, price, seller }, '2026-11-23T00:00:00Z');
  return id;
}

const decisionsOf = (store: Store, ids: number[]) =>
  store.db.selectFrom('decisions').select(['listing_id', 'decision', 'decided_by']).where('listing_id', 'in', ids).orderBy('listing_id').execute();

describe('seller clusters on the review page', () => {
  const b = reviewBrowserScope(STORE_KINDS.sqlite, 'review-sellers');
  let token: string;
  let ids: { xianyu: number; taobao: number; bystander: number };
  let snapshotDir: string;
  let snapshotSha: string;

  beforeEach(async () => {
    const store = b.s.t.store;
    token = await createToken(store, 'inv-a', 'investigator');
    ids = {
      xianyu: await seedLinked(store, 'xianyu-1', ON_XIANYU),
      taobao: await seedLinked(store, 'taobao-1', ON_TAOBAO),
      bystander: await seedLinked(store, 'demo-1', BYSTANDER),
    };
    snapshotDir = mkdtempSync(join(tmpdir(), 'review-sellers-'));
    const body = new TextEncoder().encode(SNAPSHOT_TEXT);
    const capture = { listingId: ids.xianyu, url: 'http://m.example/item/xianyu-1', fetchedAt: '2026-11-23T00:00:00Z', contentHash: 'hash-xianyu-1' };
    const kept = await saveSnapshot(store, snapshotDir, {
      ...capture,
      reason: 'flagged',
      served: { status: 200, headers: { 'content-type': 'text/html' }, body },
      rendered: null,
    });
    snapshotSha = kept!.sha256;
  });
  afterEach(() => rmSync(snapshotDir, { recursive: true, force: true }));

  const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
  const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null);

  async function openListingA(page: Page): Promise<void> {
    await signInToQueue(page, b.base, token);
    await page.locator(`#queue-rows tr[data-id="${ids.xianyu}"] .row-title`).click();
    await eventually(() => page.locator('#listing-body h3').textContent()).toBe(HOSTILE_TITLE);
  }

  it('shows "same seller" with why in the listing view, masked, and the listing text as text', async () => {
    const page = await b.newPage();
    await openListingA(page);
    expect(await page.locator('#listing-body .same-seller strong').textContent()).toBe('same seller: 2 listings on 2 sites');
    const why = await page.locator('#listing-body .seller-why li').allTextContents();
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/^same contact handle wechat:f\*+8 = wechat:f\*+8 in listings/);
    for (const whole of WHOLE_HANDLES) expect(await pageText(page)).not.toContain(whole);
    // The hostile title is characters, not an element, everywhere it is shown.
    expect(await page.locator('#review-view img').count()).toBe(0);
    expect(await page.locator('#queue-rows').textContent()).toContain(HOSTILE_TITLE);
    expect(await pwned(page)).toBeNull();

    // The snapshot: its time and SHA-256, and "Open as text" gives a new tab of plain text, cut off from this one.
    const item = page.locator('#listing-body .snapshots li');
    await expect(item.locator('code').textContent()).resolves.toBe(snapshotSha);
    // The test server keeps no snapshot files: the route answers as the real one does.
    await page.route('**/api/v1/snapshots/*', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': "sandbox; default-src 'none'" },
        body: SNAPSHOT_TEXT,
      }),
    );
    const [tab] = await Promise.all([page.context().waitForEvent('page'), item.getByRole('button', { name: /Open snapshot/ }).click()]);
    await tab.waitForLoadState();
    expect(await tab.evaluate(() => document.body.innerText)).toBe(SNAPSHOT_TEXT);
    expect(await tab.evaluate(() => [document.querySelectorAll('script, p').length, window.opener === null])).toEqual([0, true]);
    expect(await pwned(tab)).toBeNull();
  });

  it('lists one cluster with both listings, masked handles and why, and opens a listing from it', async () => {
    const page = await b.newPage();
    await openListingA(page);
    await page.getByRole('button', { name: 'Sellers', exact: true }).click();
    await eventually(() => page.locator('#seller-rows tr').count()).toBe(1);
    const cells = await page.locator('#seller-rows tr td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['2', expect.stringMatching(/^(xianyu, taobao|taobao, xianyu)$/), '2']);

    await page.locator('#seller-rows tr').click();
    await eventually(() => page.locator('#seller-cluster h3').textContent()).toMatch(/: 2 listings on 2 sites$/);
    const listed = page.locator('#seller-cluster .cluster-listings li');
    expect((await listed.evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-id'))))).sort()).toEqual([ids.xianyu, ids.taobao].sort());
    expect(await listed.locator('.row-title').allTextContents()).toContain(HOSTILE_TITLE);
    const handles = await page.locator('#seller-cluster .cluster-handles code').allTextContents();
    expect(handles.length).toBeGreaterThan(0);
    for (const handle of handles) expect(handle).toMatch(/^wechat:f\*+8$/);
    expect(await page.locator('#seller-cluster .seller-why li').allTextContents()).toEqual([expect.stringMatching(/^same contact handle wechat:f\*+8/)]);
    for (const whole of WHOLE_HANDLES) expect(await pageText(page)).not.toContain(whole);
    expect(await page.locator('#review-view img').count()).toBe(0);

    await listed.filter({ hasText: ON_TAOBAO.title }).locator('.row-title').click();
    await eventually(() => page.locator('#listing-body h3').textContent()).toBe(ON_TAOBAO.title);
    expect(await pwned(page)).toBeNull();

    // Unmasking is the investigator's explicit step, and the server logs it.
    await page.getByRole('button', { name: 'Unmask handles' }).click();
    await eventually(() => page.locator('#seller-cluster .cluster-handles code').allTextContents()).toEqual(expect.arrayContaining(WHOLE_HANDLES));
    expect((await auditLog(b.s.t.store)).map((e) => e.action)).toContain('unmask');
    await page.getByRole('button', { name: 'Mask again' }).click();
    await eventually(() => pageText(page)).not.toContain(WHOLE_HANDLES[0]);
  });

  it('decides the whole cluster after a confirmation, and only its listings', async () => {
    const page = await b.newPage();
    await openListingA(page);
    await page.locator('#listing-body').getByRole('button', { name: 'Open this seller' }).click();
    await eventually(() => page.locator('#seller-cluster h3').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Confirm all 2' }).click();
    // Nothing is recorded before the confirmation; Cancel goes back.
    expect(await decisionsOf(b.s.t.store, [ids.xianyu, ids.taobao])).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Escalate all 2' }).click();
    await page.getByRole('button', { name: 'Yes, escalate 2 listings' }).click();
    await eventually(() => decisionsOf(b.s.t.store, [ids.xianyu, ids.taobao, ids.bystander])).toEqual(
      [ids.xianyu, ids.taobao].sort((x, y) => x - y).map((id) => ({ listing_id: id, decision: 'escalated', decided_by: 'inv-a' })),
    );
    // The queue and the open listing show it.
    await eventually(() => page.locator(`#queue-rows tr[data-id="${ids.taobao}"] td.state`).textContent()).toBe('escalated');
    await eventually(() => page.locator('#listing-body .meta').textContent()).toContain('escalated');
  });

  it('exports the cluster as one evidence file: the cluster, then each of its listings', async () => {
    const page = await b.newPage();
    await openListingA(page);
    await page.locator('#listing-body').getByRole('button', { name: 'Open this seller' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export evidence file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faceleak-seller-\d+\.jsonl$/);
    const lines = (await readFile((await download.path())!, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; id: number });
    expect(lines.map((l) => l.type)).toEqual(['seller-cluster', 'listing', 'listing']);
    expect(
      lines
        .slice(1)
        .map((l) => l.id)
        .sort(),
    ).toEqual([ids.xianyu, ids.taobao].sort());
  });

  it('filters the queue to listings whose seller has at least 2 listings', async () => {
    const page = await b.newPage();
    await signInToQueue(page, b.base, token);
    await eventually(() => page.locator('#queue-rows tr').count()).toBe(3);
    await page.getByLabel('Seller ≥').fill('2');
    await page.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => page.locator('#queue-rows tr').count()).toBe(2);
    const shown = await page.locator('#queue-rows tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    expect(shown.sort()).toEqual([ids.xianyu, ids.taobao].sort());
  });
});
