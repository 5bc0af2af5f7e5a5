import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge } from '../bench/extract-bench.js';
import { decodeBody, detectCharset } from '../crawler/fetch/charset.js';
import { extractListing } from './extract-listing.js';

/**
 * The development pages (dev-pages/, which extraction was tuned on, check-pages/, written after
 * the tuning to see whether it holds on pages it had not met, dev-pages-2/, twenty more layouts
 * written for #12 whose misses were then fixed, dev-pages-3/, longer pages with the menus, footers,
 * consent notes and state blobs real ones carry, dev-pages-4/, pages of script-built marketplaces as a
 * browser saves them (hashed class names, split amounts, frames written in, chat widgets), dev-pages-5/,
 * forum threads, card-issuing shops, vendor markets and classifieds in other scripts and charsets,
 * dev-pages-6/, pages as fetched before scripts ran, AMP and mobile pages, headings that name the shop or
 * category, split and collapsed descriptions, <noscript>/<noframes> fallbacks and five more languages,
 * dev-pages-7/, listings with no description or no named seller and titles as live pages carry them, and
 * check-pages-2/ to -7/, written after the fixes that the folder before each led to) judged by the bench's own rules
 * (`npm run bench -- extract extract/dev-pages` prints the same totals). Each field must stay at or
 * above the share it reached, so a change that helps one site and breaks others shows here, with
 * the pages it broke.
 */

const FIELDS = ['title', 'description', 'price', 'seller'] as const;
type Field = (typeof FIELDS)[number];
interface Truth {
  file: string;
  title?: string | null;
  description_start?: string | null;
  price?: string | null;
  seller?: string | null;
}

/** The page's address as the bench takes it: its canonical link or og:url. */
const addressOf = (html: string) => {
  const m = /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)/i.exec(html) ?? /og:url["'][^>]*content=["']([^"']+)/i.exec(html);
  return m ? m[1]!.replace(/&amp;/g, '&') : 'https://saved-page.invalid/';
};

function score(folder: string): { share: Record<Field, number>; misses: string[]; givenWhereNone: Record<Field, number> } {
  const dir = new URL(`./${folder}/`, import.meta.url);
  const right = { title: 0, description: 0, price: 0, seller: 0 };
  const counted = { ...right };
  const misses: string[] = [];
  // A value where the truth has none (a safety box taken for a description, a button for a seller) is a miss of its own.
  const givenWhereNone = { title: 0, description: 0, price: 0, seller: 0 };
  for (const line of readFileSync(new URL('truth.jsonl', dir), 'utf8').split('\n').filter(Boolean)) {
    const t = JSON.parse(line) as Truth;
    // Decoded as the bench decodes them: some pages are in EUC-KR or Latin-1, as the sites were.
    const bytes = readFileSync(new URL(t.file, dir));
    const html = decodeBody(bytes, detectCharset(bytes, ''));
    const l = extractListing(html, addressOf(html));
    const want: Record<Field, string | null | undefined> = { title: t.title, description: t.description_start, price: t.price, seller: t.seller };
    for (const f of FIELDS) {
      if (!want[f]) {
        if (l[f] !== null) {
          givenWhereNone[f]++;
          misses.push(`${t.file} ${f} (none): ${JSON.stringify(l[f])?.slice(0, 80)}`);
        }
        continue;
      }
      counted[f]++;
      if (judge(f, want[f]!, l[f], f === 'price' ? l.priceAmount : null)) right[f]++;
      else misses.push(`${t.file} ${f}: ${JSON.stringify(l[f])?.slice(0, 80)}`);
    }
  }
  const share = Object.fromEntries(FIELDS.map((f) => [f, right[f] / counted[f]])) as Record<Field, number>;
  return { share, misses, givenWhereNone };
}

describe('extraction on the development pages', () => {
  it('dev-pages (75 pages): title and seller every time, price and description at 95% or better', () => {
    const { share, misses } = score('dev-pages');
    const floor: Record<Field, number> = { title: 1, description: 0.95, price: 0.97, seller: 1 };
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(floor[f]);
  });

  it('dev-pages-2 (20 pages in layouts the first two folders lack, written for #12 before the fixes they led to): every field at 93% or better', () => {
    const { share, misses } = score('dev-pages-2');
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(0.93);
  });

  it('dev-pages-3 (27 longer pages of the sites #12 names, written before the fixes they led to): every field at 96% or better', () => {
    const { share, misses } = score('dev-pages-3');
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(0.96);
  });

  it('dev-pages-4 (25 saved pages of script-built marketplaces, written before the fixes they led to): every field at 96% or better', () => {
    const { share, misses } = score('dev-pages-4');
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(0.96);
  });

  it('dev-pages-5 (21 forum threads, card-issuing shops, vendor markets, channel posts and classifieds in other languages and legacy charsets, written before the fixes they led to): every field every time', () => {
    const { share, misses } = score('dev-pages-5');
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(1);
  });

  it('dev-pages-6 (22 pages as fetched before scripts ran, AMP and mobile pages, shop and category headings, split and collapsed descriptions, fallbacks and five more languages, written before the fixes they led to): title, description and price every time, seller at 94% or better', () => {
    const { share, misses } = score('dev-pages-6');
    const floor: Record<Field, number> = { title: 1, description: 1, price: 1, seller: 0.94 };
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(floor[f]);
  });

  it('dev-pages-7 (20 pages with no description or no named seller, and SEO, cut, prefixed, tagged and generic-heading titles, written before the fixes they led to): every field every time, and no value where the truth has none', () => {
    const { share, misses, givenWhereNone } = score('dev-pages-7');
    for (const f of FIELDS) {
      expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(1);
      expect(givenWhereNone[f], misses.join('\n')).toBe(0);
    }
  });

  it('check-pages-2 (8 pages written after the dev-pages-2 fixes): title every time, the rest at 80% or better', () => {
    const { share, misses } = score('check-pages-2');
    const floor: Record<Field, number> = { title: 1, description: 0.8, price: 0.8, seller: 0.8 };
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(floor[f]);
  });

  it('check-pages-3 (8 pages written after the dev-pages-3 fixes, two misses then fixed): every field at 87% or better', () => {
    const { share, misses } = score('check-pages-3');
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(0.87);
  });

  it('check-pages-4 (8 saved pages written after the dev-pages-4 fixes, one miss then fixed): price and seller every time, title and description at 75% or better', () => {
    const { share, misses } = score('check-pages-4');
    const floor: Record<Field, number> = { title: 0.85, description: 0.75, price: 1, seller: 1 };
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(floor[f]);
  });

  it('check-pages-5 (8 pages written after the dev-pages-5 fixes, judged once, not tuned on): title, price and seller every time, description at 85% or better', () => {
    const { share, misses } = score('check-pages-5');
    const floor: Record<Field, number> = { title: 1, description: 0.85, price: 1, seller: 1 };
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(floor[f]);
  });

  it('check-pages-6 (8 pages written after the dev-pages-6 fixes, judged once, not tuned on): title and price every time, description at 85% or better, seller at 80% or better', () => {
    const { share, misses } = score('check-pages-6');
    const floor: Record<Field, number> = { title: 1, description: 0.85, price: 1, seller: 0.8 };
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(floor[f]);
  });

  it('check-pages-7 (8 pages written after the dev-pages-7 fixes, judged once, not tuned on): description, price and seller every time, title at 85% or better; one description where the truth has none', () => {
    const { share, misses, givenWhereNone } = score('check-pages-7');
    const floor: Record<Field, number> = { title: 0.85, description: 1, price: 1, seller: 1 };
    const ceiling: Record<Field, number> = { title: 0, description: 1, price: 0, seller: 0 };
    for (const f of FIELDS) {
      expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(floor[f]);
      expect(givenWhereNone[f], misses.join('\n')).toBeLessThanOrEqual(ceiling[f]);
    }
  });

  it('check-pages (10 pages written after the tuning): every field at 90% or better', () => {
    const { share, misses } = score('check-pages');
    for (const f of FIELDS) expect(share[f], misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
