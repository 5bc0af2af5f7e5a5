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

  it('gives the same batches and ids for the same pages, as a replayed log does', () => {
    const pages = Array.from({ length: 50 }, (_, i) => page(`h${i % 5}`, i));
    const replayed = pagesOfLog(pages.map(pageLine).join('\n'));
    expect(packPages(replayed)).toEqual(packPages(pages));
    expect(packPages(replayed).map((b) => batchJobId('c', b))).toEqual(packPages(pages).map((b) => batchJobId('c', b)));
    expect(batchJobId('c', packPages(pages)[0]!)).not.toContain(':');
  });
});
