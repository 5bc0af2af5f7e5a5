import { describe, expect, it } from 'vitest';
import { batchJobId, MAX_BATCH_PAGES, packPages, pageLine, pagesOfLog, type CrawlPage } from './crawl-batch.js';

const page = (host: string, i: number): CrawlPage => ({ url: `https://${host}.example/item/${i}`, role: 'listing', depth: 1 });

describe('packing pages into batches', () => {
  it('keeps pages of one host together and no batch past its size', () => {
    const pages = Array.from({ length: 80 }, (_, i) => page(i % 2 ? 'b' : 'a', i));
    const batches = packPages(pages);
    expect(batches.map((b) => b.length)).toEqual([MAX_BATCH_PAGES, MAX_BATCH_PAGES, 80 - 2 * MAX_BATCH_PAGES]);
    expect(batches.flat().map((p) => p.url.slice(8, 9))).toEqual([...'a'.repeat(40), ...'b'.repeat(40)]);
  });

  it("packs index pages apart from listings, so a batch's links onward are not held back by its listings", () => {
    // An index page's links: its listings, then the next page of results (crawler/links.ts).
    const pages: CrawlPage[] = [...Array.from({ length: 50 }, (_, i) => page('a', i)), { url: 'https://a.example/s?page=2', role: 'index', depth: 1 }];
    const batches = packPages(pages);
    expect(batches.map((b) => b.map((p) => p.role))).toEqual([['index'], Array(32).fill('listing'), Array(18).fill('listing')]);
    expect(batches.flat().filter((p) => p.role === 'listing')).toEqual(pages.slice(0, 50));
  });

  it('gives the same batches and ids for the same pages, as a replayed log does', () => {
    const pages = Array.from({ length: 50 }, (_, i) => (i % 7 ? page(`h${i % 5}`, i) : { ...page(`h${i % 5}`, i), role: 'index' as const }));
    const replayed = pagesOfLog(pages.map(pageLine).join('\n'));
    expect(packPages(replayed)).toEqual(packPages(pages));
    expect(packPages(replayed).map((b) => batchJobId('c', b))).toEqual(packPages(pages).map((b) => batchJobId('c', b)));
    expect(batchJobId('c', packPages(pages)[0]!)).not.toContain(':');
  });
});
