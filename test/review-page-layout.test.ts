import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../contracts/index.js';
import { claimListing, createToken, recordDecision } from '../store/index.js';
import { eventually, reviewBrowserScope, seedListing, signInToQueue } from './helpers/review-browser.js';
import { STORE_KINDS } from './helpers/stores.js';

// The review page laid out for triage, measured in Chromium at two common desktop widths.

const LONG_TITLE = '照片活化 眨眼 张嘴 摇头 过人脸 活体检测 全平台通用 虚拟摄像头 一对一教学 包过 不过退款';
const DESCRIPTION = Array.from({ length: 60 }, (_, i) => `第${i + 1}段：人脸四件套 手持身份证照 打包出售，量大从优，懂的来。`).join('\n');
const FONT_STACK = ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans'];

// Evidence as the classifier might list it: not in text order (by rule, then by field).
const spanOf = (field: Evidence['field'], text: string, word: string, reason: string, from = 0): Evidence => {
  const start = text.indexOf(word, from);
  return { field, start, end: start + word.length, text: word, reason };
};
const EVIDENCE: Evidence[] = [
  spanOf('description', DESCRIPTION, '打包出售', 'bulk offer', 200),
  spanOf('price', '¥50/套', '¥50/套', 'unit price'),
  spanOf('title', LONG_TITLE, '过人脸', 'liveness bypass'),
  spanOf('description', DESCRIPTION, '人脸四件套', 'identity kit'),
  spanOf('title', LONG_TITLE, '照片活化', 'photo animation'),
];
const IN_TEXT_ORDER = ['照片活化', '过人脸', '人脸四件套', '打包出售', '¥50/套'];

describe('the review page layout', () => {
  const b = reviewBrowserScope(STORE_KINDS.sqlite, 'review-layout');
  let token: string;
  let ids: number[];

  beforeEach(async () => {
    const store = b.s.t.store;
    token = await createToken(store, 'inv-a', 'investigator');
    await createToken(store, 'ana', 'investigator');
    ids = [
      await seedListing(store, 'live', {
        title: LONG_TITLE,
        description: DESCRIPTION,
        price: '¥50/套',
        seller: 'seller-with-a-rather-long-shop-name-13812345678',
        score: 0.97,
        category: 'liveness_bypass',
        evidence: EVIDENCE,
      }),
      await seedListing(store, 'id', { title: '手持身份证照 一套三张', score: 0.95, category: 'id_holding_photo' }),
      await seedListing(store, 'kit', { title: '人脸四件套 懂的来', score: 0.9, category: 'identity_kit' }),
      await seedListing(store, 'bundle', { title: '人脸照片 两万套 打包', score: 0.85, category: 'face_bundle' }),
    ];
    await recordDecision(store, ids[1]!, 'confirmed', null, 'inv-b');
    await recordDecision(store, ids[2]!, 'dismissed', null, 'inv-b');
    await claimListing(store, ids[3]!, 'ana');
  });

  async function openAllDecisions(page: Page): Promise<void> {
    await signInToQueue(page, b.base, token);
    await page.getByLabel('Decision', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => page.locator('#queue-rows tr').count()).toBe(4);
  }

  /** Words of the queue's labels that the browser laid out on more than one line. */
  const brokenLabels = (page: Page) =>
    page.locator('#queue-rows .label').evaluateAll((labels) =>
      labels.flatMap((label) => {
        const text = label.firstChild;
        if (!(text instanceof Text)) return [];
        const broken: string[] = [];
        // A word the browser broke across lines has one client rect per line.
        for (const match of text.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          if (range.getClientRects().length !== 1) broken.push(match[0]);
        }
        // Nor cut short: the whole label fits its cell.
        if (label.scrollWidth > label.clientWidth + 1) broken.push(`${text.data} (cut)`);
        return broken;
      }),
    );

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`puts the queue and the listing side by side at ${viewport.width} px, labels whole, actions in reach`, async () => {
      const page = await b.newPage(viewport);
      await openAllDecisions(page);
      expect(await page.locator('#queue-rows .label').allTextContents()).toEqual(
        expect.arrayContaining(['liveness bypass', 'ID-holding photo', 'confirmed', 'dismissed', 'open by ana']),
      );
      expect(await brokenLabels(page)).toEqual([]);

      await page.locator('#queue-rows .row-title').first().click();
      await eventually(() => page.locator('#listing-body h3').textContent()).toBe(LONG_TITLE);
      const queue = (await page.locator('#queue-view').boundingBox())!;
      const listing = (await page.locator('#listing-pane').boundingBox())!;
      expect(queue.x + queue.width).toBeLessThanOrEqual(listing.x);
      expect(Math.abs(queue.y - listing.y)).toBeLessThan(2);
      // The listing, read in full sentences, gets the larger share; the queue stays wide enough to scan.
      expect(listing.width).toBeGreaterThan(queue.width);
      expect(queue.width).toBeGreaterThan(400);
      // The window does not scroll; the two panes do, each on its own.
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);

      const pane = page.locator('#listing-pane');
      await pane.evaluate((node) => (node.scrollTop = node.scrollHeight / 2));
      expect(await pane.evaluate((node) => node.scrollTop)).toBeGreaterThan(200);
      for (const name of ['Confirm', 'Dismiss', 'Escalate']) {
        const button = page.locator('#listing-body .decide').getByRole('button', { name, exact: true });
        // On screen and not covered: the element at its centre is the button itself.
        const onTop = await button.evaluate((node) => {
          const box = node.getBoundingClientRect();
          return box.bottom <= innerHeight && box.top >= 0 && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === node;
        });
        expect(onTop, name).toBe(true);
      }
      await page.keyboard.press('Escape');
      await page.locator('#listing-body .decide').getByRole('button', { name: 'Escalate', exact: true }).click();
      await eventually(() => page.locator('#queue-rows tr').first().locator('.label.decision').textContent()).toBe('escalated');
    });
  }

  it('declares a font stack that covers Chinese, with readable sizes', async () => {
    const page = await b.newPage();
    await openAllDecisions(page);
    await page.locator('#queue-rows .row-title').first().click();
    await page.locator('#listing-body p.description').waitFor();
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    const positions = FONT_STACK.map((font) => family.indexOf(font));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(family.trim().endsWith('sans-serif')).toBe(true);
    const size = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(await size('#listing-body p.description')).toBeGreaterThanOrEqual(15);
    expect(await size('#queue-rows .row-title')).toBeGreaterThanOrEqual(13);
  });

  it('lists the evidence in text order', async () => {
    const page = await b.newPage();
    await openAllDecisions(page);
    await page.locator('#queue-rows .row-title').first().click();
    await eventually(() => page.locator('#listing-body ul.evidence mark').allTextContents()).toEqual(IN_TEXT_ORDER);
  });
});
