import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Evidence, Verdict } from '../../contracts/index.js';
import { saveListing, type Store } from '../../store/index.js';
import { listingRecord } from '../fixtures/listing-record.js';
import { apiTestScope, type ApiScope } from './api-env.js';
import type { TestStore } from './stores.js';

// The review page in Chromium for the test/review-page-*.test.ts files: a fresh store and server per
// test, pages that record console errors (CSP violations are console errors), and a listing factory.

export interface ListingSeed {
  title: string;
  description?: string | null;
  price?: string | null;
  seller?: string | null;
  site?: string;
  score: number;
  category: Verdict['category'];
  evidence?: Evidence[];
}

/** Saves a flagged (score > 0.5) listing with its verdict; returns its id. */
export async function seedListing(store: Store, key: string, seed: ListingSeed): Promise<number> {
  const saved = await saveListing(
    store,
    listingRecord(`http://m.example/item/${key}`, {
      site: seed.site ?? 'demo',
      title: seed.title,
      description: seed.description ?? null,
      price: seed.price ?? null,
      seller: seed.seller ?? null,
      contentHash: `hash-${key}`,
    }),
    { flagged: seed.score > 0.5, review: false, category: seed.category, score: seed.score, evidence: seed.evidence ?? [], modelVersion: 'm1' },
  );
  return saved.listingId;
}

export interface ReviewBrowserScope {
  readonly s: ApiScope;
  /** The server's address, listening for this test. */
  base: string;
  /** Opens a page in a new browser context (its own session storage: another investigator). */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Console errors and uncaught exceptions of every page; a test removes the ones it expects. */
  errors: string[];
}

/** Registers the hooks: Chromium for the file; per test a store, a listening server and clean contexts. */
export function reviewBrowserScope(open: () => Promise<TestStore>, name: string): ReviewBrowserScope {
  const s = apiTestScope(open, name);
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  const scope: ReviewBrowserScope = {
    s,
    base: '',
    errors: [],
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ acceptDownloads: true, viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('console', (message) => {
        if (message.type() === 'error') scope.errors.push(message.text());
      });
      page.on('pageerror', (error) => scope.errors.push(`pageerror: ${error.message}`));
      return page;
    },
  };
  beforeAll(async () => {
    // No skip when Chromium is missing: launch throws and every test fails, as it should.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    scope.errors = [];
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    scope.base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    expect(scope.errors).toEqual([]);
  });
  return scope;
}

/** Signs in on the review page with a token and waits for the queue's first row. */
export async function signInToQueue(page: Page, base: string, token: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#queue-rows tr').first().waitFor();
}

/** Waits for the page to catch up: API round trips and rendering are asynchronous. */
export const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
