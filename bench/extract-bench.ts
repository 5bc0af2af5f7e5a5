import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectCharset, decodeBody } from '../crawler/fetch/charset.js';
import { extractListing } from '../extract/extract-listing.js';
import { parsePrice } from '../extract/price.js';
import { typicalListingPage } from './extract-fixture.js';
import { largeListingPages } from './extract-large-pages.js';

/**
 * `npm run bench -- extract [FOLDER]`: the generic extraction (no site selectors) judged against a
 * folder of saved listing pages with a hand-read truth.jsonl (one line per page: file, title,
 * description_start, price, seller), and its speed. Without a folder only the speed on a synthetic
 * page is measured. The judging rules are stated in the README ("Judging extraction") and in
 * `judge` below. Only totals are printed: the pages are a test set, not something to tune on.
 */

interface TruthLine {
  readonly file: string;
  readonly title?: string | null;
  readonly description_start?: string | null;
  readonly price?: string | number | null;
  readonly seller?: string | null;
}

const FIELDS = ['title', 'description', 'price', 'seller'] as const;
type Field = (typeof FIELDS)[number];

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const letters = (s: string) => norm(s).replace(/[^\p{L}\p{N}]+/gu, '');
/** Words of Latin-like scripts, and every Han/Kana/Hangul character on its own. */
const tokens = (s: string) => norm(s).match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu) ?? [];

/** Share of tokens the two have in common (as multisets), over the longer one's count. */
export function tokenOverlap(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of x) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of y) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return common / Math.max(x.length, y.length);
}

const amountOf = (s: string) => {
  const p = parsePrice(s, { bare: true });
  return p ? Number(p.amount) : null;
};

/** Whether one extracted field is right; the rules the README states. */
export function judge(field: Field, truth: string, got: string | null, gotAmount: string | null): boolean {
  if (got === null) return false;
  switch (field) {
    case 'title':
      return tokenOverlap(truth, got) >= 0.8;
    case 'description': {
      // The truth's opening (its first 60 letters and digits) appears within the first 300 of ours.
      const key = letters(truth).slice(0, 60);
      const at = letters(got).indexOf(key);
      return key.length > 0 && at >= 0 && at <= 300;
    }
    case 'price': {
      const want = amountOf(truth);
      const have = gotAmount !== null ? Number(gotAmount) : amountOf(got);
      return want !== null && have !== null && Math.abs(want - have) < 0.005;
    }
    case 'seller': {
      const [x, y] = [letters(truth), letters(got)];
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      return short.length > 0 && long.includes(short) && short.length >= long.length / 2;
    }
  }
}

function pageUrl(html: string): string {
  const found = /<link[^>]+rel=["']?canonical["']?[^>]*>/i.exec(html)?.[0] ?? /<meta[^>]+property=["']og:url["'][^>]*>/i.exec(html)?.[0];
  const href = found ? /(?:href|content)=["']([^"']+)["']/i.exec(found)?.[1] : undefined;
  try {
    return href ? new URL(href.replace(/&amp;/g, '&')).href : 'https://saved-page.invalid/';
  } catch {
    return 'https://saved-page.invalid/';
  }
}

function readPage(folder: string, file: string): { html: string; url: string } {
  const body = readFileSync(join(folder, file));
  const html = decodeBody(body, detectCharset(body, ''));
  return { html, url: pageUrl(html) };
}

function timeIt(run: () => void, rounds: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function judgeFolder(folder: string): void {
  const lines = readFileSync(join(folder, 'truth.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const right: Record<Field, number> = { title: 0, description: 0, price: 0, seller: 0 };
  const counted: Record<Field, number> = { title: 0, description: 0, price: 0, seller: 0 };
  const extra: Record<Field, number> = { title: 0, description: 0, price: 0, seller: 0 };
  const times: number[] = [];
  const sources = new Map<string, number>();
  for (const line of lines) {
    const truth = JSON.parse(line) as TruthLine;
    const { html, url } = readPage(folder, truth.file);
    const listing = extractListing(html, url);
    times.push(...timeIt(() => extractListing(html, url), 3));
    const priceAmount = (listing as { priceAmount?: string | null }).priceAmount ?? null;
    const want: Record<Field, string | number | null | undefined> = {
      title: truth.title,
      description: truth.description_start,
      price: truth.price,
      seller: truth.seller,
    };
    const got: Record<Field, string | null> = { title: listing.title, description: listing.description, price: listing.price, seller: listing.seller };
    for (const field of FIELDS) {
      const w = want[field];
      if (w === null || w === undefined || String(w).trim() === '') {
        if (got[field] !== null) extra[field]++;
        continue;
      }
      counted[field]++;
      if (judge(field, String(w), got[field], field === 'price' ? priceAmount : null)) right[field]++;
    }
    for (const s of listing.sources) sources.set(s, (sources.get(s) ?? 0) + 1);
  }
  process.stdout.write(`${lines.length} pages in ${folder}\n`);
  for (const field of FIELDS) {
    const pct = counted[field] ? ((100 * right[field]) / counted[field]).toFixed(0) : '-';
    process.stdout.write(
      `${field.padEnd(12)} ${String(right[field]).padStart(3)}/${counted[field]} right (${pct}%); a value where the truth has none: ${extra[field]}\n`,
    );
  }
  process.stdout.write(`sources used (pages): ${[...sources].map(([s, n]) => `${s} ${n}`).join(', ')}\n`);
  process.stdout.write(
    `extraction time per page: median ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms\n`,
  );
}

export async function benchExtract(): Promise<void> {
  const args = process.argv.slice(2);
  const folder = args[args.indexOf('extract') + 1];
  const page = typicalListingPage();
  const times = timeIt(() => extractListing(page, 'https://market.example/item/123'), 200);
  process.stdout.write(
    `synthetic listing page (${(page.length / 1024).toFixed(0)} KiB): median ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms per extraction\n`,
  );
  // Large pages in the shapes that made real pages slow (state blobs, mega-menus, hundreds of cards, long threads).
  for (const large of largeListingPages()) {
    const t = timeIt(() => extractListing(large.html, large.url), 21);
    process.stdout.write(
      `${large.name} (${(large.html.length / 1024).toFixed(0)} KiB): median ${quantile(t, 0.5).toFixed(1)} ms, p90 ${quantile(t, 0.9).toFixed(1)} ms per extraction\n`,
    );
  }
  if (args.includes('extract') && folder) {
    const dir = resolve(folder);
    if (!existsSync(join(dir, 'truth.jsonl'))) throw new Error(`${dir} has no truth.jsonl (files: ${readdirSync(dir).length})`);
    judgeFolder(dir);
  } else {
    process.stdout.write('(no folder given: `npm run bench -- extract FOLDER` judges saved pages against FOLDER/truth.jsonl)\n');
  }
}
