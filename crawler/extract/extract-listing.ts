import { load, type CheerioAPI } from 'cheerio';
import type { SiteConfig } from '../../contracts/index.js';
import { fromJsonLd, fromMicrodata, fromOpenGraph } from './structured-data.js';

export interface ExtractedFields {
  title?: string;
  description?: string;
  price?: string;
  seller?: string;
  images?: string[];
}

export interface ExtractedListing {
  readonly title: string | null;
  readonly description: string | null;
  readonly price: string | null;
  readonly seller: string | null;
  /** Absolute image URLs (the images are never downloaded). */
  readonly images: string[];
  /** Which sources gave fields, in order of use. */
  readonly sources: string[];
  /** The page is an empty shell that scripts would fill: render it before judging. */
  readonly isShell: boolean;
}

const MAX_FIELD = 20_000;
const clean = (s: string | undefined) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, MAX_FIELD) : undefined;
};

function fromSelectors($: CheerioAPI, fields: SiteConfig['fields']): ExtractedFields {
  const one = (sel?: string) => (sel ? clean($(sel).first().text()) : undefined);
  return {
    title: one(fields.title),
    description: one(fields.description),
    price: one(fields.price),
    seller: one(fields.seller),
    images: fields.images ? $(fields.images).toArray().map((e) => $(e).attr('src') ?? $(e).attr('data-src') ?? $(e).attr('href') ?? '').filter(Boolean) : [],
  };
}

/**
 * A page whose body has next to no text but scripts, or an empty app root (#app, #root, #__next):
 * what a JS-rendered marketplace serves before its scripts run.
 */
export function looksLikeShell($: CheerioAPI): boolean {
  const body = $('body').clone();
  body.find('script, style, noscript, template').remove();
  const visible = body.text().replace(/\s+/g, '').length;
  const hasScripts = $('script[src], script:not([type="application/ld+json"])').length > 0;
  const emptyRoot = $('#app, #root, #__next, [data-reactroot], [ng-app]').toArray().some((e) => $(e).text().trim() === '');
  return hasScripts && (visible < 80 || emptyRoot);
}

/**
 * The listing fields of a page: the site's selectors first, then JSON-LD, microdata and
 * OpenGraph for whatever is still missing; the <h1> and, on a page that is not a shell, <title> last.
 */
export function extractListing(html: string, pageUrl: string, fields: SiteConfig['fields'] = {}): ExtractedListing {
  const $ = load(html);
  const isShell = looksLikeShell($);
  const result: ExtractedFields = {};
  const sources: string[] = [];
  const candidates: [string, () => ExtractedFields][] = [
    ['selectors', () => fromSelectors($, fields)],
    ['json-ld', () => fromJsonLd($)],
    ['microdata', () => fromMicrodata($)],
    ['opengraph', () => fromOpenGraph($)],
    ['heading', () => ({ title: clean($('h1').first().text()) })],
    ['title', () => (isShell ? {} : { title: clean($('title').first().text()) })],
  ];
  for (const [name, extract] of candidates) {
    const got = extract();
    let used = false;
    for (const key of ['title', 'description', 'price', 'seller'] as const) {
      const value = clean(got[key]);
      if (value && !result[key]) {
        result[key] = value;
        used = true;
      }
    }
    if (got.images?.length && !result.images?.length) {
      result.images = got.images;
      used = true;
    }
    if (used) sources.push(name);
    if (result.title && result.description && result.price && result.seller && result.images?.length) break;
  }
  const absolute = (u: string) => {
    try {
      return new URL(u, pageUrl).href;
    } catch {
      return null;
    }
  };
  return {
    title: result.title ?? null,
    description: result.description ?? null,
    price: result.price ?? null,
    seller: result.seller ?? null,
    images: [...new Set((result.images ?? []).map(absolute).filter((u): u is string => u !== null && /^https?:/.test(u)))].slice(0, 50),
    sources,
    isShell,
  };
}
