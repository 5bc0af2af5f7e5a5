import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, createReport, createToken, setReportStatus } from '../store/index.js';
import { eventually, reviewBrowserScope, seedListing, signInToQueue } from './helpers/review-browser.js';
import { STORE_KINDS } from './helpers/stores.js';

// "Load more" and the JSON Lines download, in Chromium: more listings than one page holds (50).

const PHONE = '13812345678';
const MASKED_PHONE = '138******78';
const ID_NUMBER = '11010519491231002X';
const COUNT = 57;
// Two listings share each score: paging must order them by id too, losing and repeating none.
const scoreAt = (i: number) => 0.99 - Math.floor(i / 2) / 100;

describe('the review page with more listings than one page', () => {
  const b = reviewBrowserScope(STORE_KINDS.sqlite, 'review-paging');
  let token: string;
  let ids: number[];

  beforeEach(async () => {
    const store = b.s.t.store;
    token = await createToken(store, 'inv-a', 'investigator');
    ids = [];
    for (let i = 0; i < COUNT; i++) {
      const description = `手持身份证照 加微信 ${PHONE} 秒发 #${i}`;
      const start = description.indexOf(PHONE);
      ids.push(
        await seedListing(store, `p${i}`, {
          title: `人脸四件套 第${i}套`,
          description,
          seller: `卖家 ${ID_NUMBER}`,
          score: scoreAt(i),
          category: 'identity_kit',
          evidence: [{ field: 'description', start, end: start + PHONE.length, text: PHONE, reason: 'off-platform contact' }],
        }),
      );
    }
    const { report } = await createReport(store, {
      clientReportId: crypto.randomUUID(),
      reporter: 'mod-a',
      url: 'http://m.example/item/p0',
      title: null,
      description: null,
      price: null,
      seller: null,
      note: `seller answers on ${PHONE}`,
      suspectedCategory: 'identity_kit',
    });
    await setReportStatus(store, report.id, 'classified', { listingId: ids[0]! });
  });

  it('loads the queue 50 rows at a time, in score order, with no row lost or repeated', async () => {
    const page = await b.newPage();
    await signInToQueue(page, b.base, token);
    const rowIds = () => page.locator('#queue-rows tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
    await eventually(() => page.locator('#queue-rows tr').count()).toBe(50);
    const more = page.getByRole('button', { name: 'Load more' });
    expect(await more.isVisible()).toBe(true);
    expect(await page.locator('#status').textContent()).toBe('50 listing(s) loaded; more below.');
    await more.click();
    await eventually(() => page.locator('#queue-rows tr').count()).toBe(COUNT);
    expect(await page.locator('#status').textContent()).toBe(`${COUNT - 50} more listing(s) loaded.`);
    expect(await more.isHidden()).toBe(true);
    // Highest score first, and between equal scores the newer listing first (the API's cursor order).
    const scoreOf = new Map(ids.map((id, i) => [id, scoreAt(i)]));
    expect(await rowIds()).toEqual([...ids].sort((x, y) => scoreOf.get(y)! - scoreOf.get(x)! || y - x));
    // The rows loaded later work like the first ones: j reaches them.
    await page.locator('#queue-rows tr').nth(49).locator('.row-title').click();
    await page.keyboard.press('j');
    await eventually(() => page.locator('#queue-rows tr[aria-current="true"]').getAttribute('data-id')).toBe(String((await rowIds())[50]));
  });

  it('downloads the filter as JSON Lines: every line parses, every number masked', async () => {
    const page = await b.newPage();
    await signInToQueue(page, b.base, token);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON Lines' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faceleak-export-.*\.jsonl$/);
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    // The whole filter, not only the 50 rows on screen.
    expect(lines).toHaveLength(COUNT);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(ids));
    const first = records.find((r) => r.id === ids[0])!;
    expect(first).toMatchObject({
      category: 'identity_kit',
      modelVersion: 'm1',
      contentHash: 'hash-p0',
      evidence: [{ field: 'description', text: MASKED_PHONE, reason: 'off-platform contact' }],
      reports: [{ reporter: 'mod-a', note: `seller answers on ${MASKED_PHONE}` }],
    });
    expect(first.description).toContain(MASKED_PHONE);
    // Masking holds everywhere in the file: no phone number, no ID number, in any field.
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(ID_NUMBER);
    await eventually(() => page.locator('#status').textContent()).toMatch(/^Exported faceleak-export-.*\.jsonl \(\d+ bytes, masked\)\.$/);
    expect((await auditLog(b.s.t.store)).filter((e) => e.action === 'export').map((e) => JSON.parse(e.detail!).format)).toEqual(['jsonl']);
  });
});
