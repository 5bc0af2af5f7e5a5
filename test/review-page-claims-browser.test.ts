import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { claimListing, createToken, liveClaims } from '../store/index.js';
import { eventually, reviewBrowserScope, seedListing, signInToQueue } from './helpers/review-browser.js';
import { STORE_KINDS } from './helpers/stores.js';

// Two investigators on one queue, each in their own browser context: opening a listing claims it,
// the other sees "open by …", `j` passes over it, and a decision releases it.

const TITLES = ['手持身份证照 一套三张', '人脸四件套 懂的来', '人脸照片 两万套 打包', '照片活化 眨眼 过人脸'];

describe('claims in the review page', () => {
  const b = reviewBrowserScope(STORE_KINDS.sqlite, 'review-claims');
  let ana: string;
  let bob: string;
  let ids: number[];

  beforeEach(async () => {
    ana = await createToken(b.s.t.store, 'ana', 'investigator');
    bob = await createToken(b.s.t.store, 'bob', 'investigator');
    ids = [];
    for (const [i, title] of TITLES.entries()) ids.push(await seedListing(b.s.t.store, `c${i}`, { title, score: 0.9 - i / 10, category: 'identity_kit' }));
  });

  const openTitle = (page: Page) => page.locator('#listing-body h3').textContent();
  const selectedId = (page: Page) => page.locator('#queue-rows tr[aria-current="true"]').getAttribute('data-id');
  const stateOf = (page: Page, id: number) => page.locator(`#queue-rows tr[data-id="${id}"] td.state`).textContent();
  const reload = (page: Page) => page.getByRole('button', { name: 'Apply' }).click();

  it('shows who has a listing open, passes over it with j, and lets it be read', async () => {
    const bobs = await b.newPage();
    await signInToQueue(bobs, b.base, bob);
    await bobs.locator('#queue-rows .row-title').first().click();
    await eventually(() => openTitle(bobs)).toBe(TITLES[0]);
    await eventually(async () => (await liveClaims(b.s.t.store)).map((c) => [c.listingId, c.by])).toEqual([[ids[0], 'bob']]);

    const anas = await b.newPage();
    await signInToQueue(anas, b.base, ana);
    await eventually(() => stateOf(anas, ids[0]!)).toBe('open by bob');
    // Bob's own listing is not "open by someone else" to him.
    expect(await stateOf(bobs, ids[0]!)).toBe('');

    await anas.keyboard.press('j');
    await eventually(() => selectedId(anas)).toBe(String(ids[1]));
    await eventually(() => openTitle(anas)).toBe(TITLES[1]);
    await reload(bobs);
    await eventually(() => stateOf(bobs, ids[1]!)).toBe('open by ana');

    // A claim by someone else does not stop reading: Ana clicks Bob's listing and is told whose it is.
    await anas.locator(`#queue-rows tr[data-id="${ids[0]}"] .row-title`).click();
    await eventually(() => openTitle(anas)).toBe(TITLES[0]);
    expect(await anas.locator('#listing-body .claim-note').textContent()).toMatch(/^Open by bob \(until .+\): they may be deciding it now\.$/);
    // Unmasked (drawn again without claiming), it still says whose it is.
    await anas.getByRole('button', { name: 'Unmask' }).click();
    await anas.locator('#listing-body .unmasked-note').waitFor();
    expect(await anas.locator('#listing-body .claim-note').count()).toBe(1);
    // Bob's claim stays; Ana, having moved on from her listing, holds none.
    expect((await liveClaims(b.s.t.store)).map((c) => [c.listingId, c.by])).toEqual([[ids[0], 'bob']]);
  });

  it('releases the claim with the decision, and passes over a listing claimed since the queue loaded', async () => {
    const anas = await b.newPage();
    await signInToQueue(anas, b.base, ana);
    await anas.keyboard.press('j');
    await eventually(() => openTitle(anas)).toBe(TITLES[0]);
    // Someone takes the third listing after Ana's queue was drawn: her page does not know yet.
    await claimListing(b.s.t.store, ids[2]!, 'cy');
    await anas.keyboard.press('c');
    await eventually(() => selectedId(anas)).toBe(String(ids[1]));
    await eventually(async () => (await liveClaims(b.s.t.store)).map((c) => [c.listingId, c.by])).toEqual([
      [ids[1], 'ana'],
      [ids[2], 'cy'],
    ]);
    await anas.keyboard.press('d');
    // j lands on the third listing, learns it is Cy's, and moves on to the fourth.
    await eventually(() => selectedId(anas)).toBe(String(ids[3]));
    await eventually(() => openTitle(anas)).toBe(TITLES[3]);
    expect(await stateOf(anas, ids[2]!)).toBe('open by cy');
    expect(await anas.locator('#status').textContent()).toBe(`Passed over listing ${ids[2]}: open by cy.`);
    expect(await stateOf(anas, ids[0]!)).toBe('confirmed');
    expect((await liveClaims(b.s.t.store)).map((c) => [c.listingId, c.by])).toEqual([
      [ids[2], 'cy'],
      [ids[3], 'ana'],
    ]);
    // Signing out lets go of the listing open.
    await anas.getByRole('button', { name: 'Sign out' }).click();
    await eventually(async () => (await liveClaims(b.s.t.store)).map((c) => c.by)).toEqual(['cy']);
  });
});
