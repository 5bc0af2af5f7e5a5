import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { regionOf } from './currency.js';
import { isFurniture } from './furniture.js';
import { isItemGrid, isNoise, isOthers } from './noise.js';
import { insideOf, noiseSections } from './sections.js';
import { titleSiteName } from './site-name.js';

/**
 * A parsed page and what every extraction source asks of it: where it is, which region it is for,
 * what the site calls itself, and which parts are not the listing's (noise.ts).
 *
 * Parsed with htmlparser2 (cheerio/slim) rather than parse5: four times faster on a marketplace
 * page, and half the size in the extension's bundle. It does not repair broken markup the way a
 * browser does, which changes nothing for reading text out of it.
 */
export interface Page {
  readonly $: CheerioAPI;
  readonly url: URL | null;
  /** Lower-case host without www. or m. */
  readonly host: string;
  /** ISO 3166 region the page is for (currency.ts); null when nothing tells. */
  readonly region: string | null;
  /** What the site calls itself (og:site_name, application-name, its domain's name): stripped from titles. */
  readonly siteNames: readonly string[];
  /** Whether an element is, or is inside, page furniture or a block that is not the listing (reviews, related items, a grid of other items). */
  readonly excluded: (el: Element) => boolean;
  /** Whether an element is, or is inside, other people's words or other items (reviews, related listings, ads). */
  readonly inOthers: (el: Element) => boolean;
  /** Sections that a heading marks as other items or other people's words ("Similar Ads", 猜你喜欢), found on first use. */
  readonly noiseSections: () => Set<AnyNode>;
  /** Whether an element is inside one of those sections. */
  readonly inNoiseSection: (el: Element) => boolean;
  /** Every element of the page in document order (listed on first use). */
  readonly elements: () => readonly Element[];
  /** An element's place in document order. */
  readonly order: (el: Element) => number;
}

export function loadPage(html: string, pageUrl: string): Page {
  const $ = load(html);
  let url: URL | null;
  try {
    url = new URL(pageUrl);
  } catch {
    url = null;
  }
  const host = (url?.hostname ?? '').toLowerCase().replace(/^(www\d?|m)\./, '');
  const meta = (name: string) => $(`meta[property="${name}"], meta[name="${name}"]`).first().attr('content')?.trim();
  const sample = $('title').first().text() + ($('h1').first().text() ?? '');
  const region = regionOf(host, $('html').attr('lang') ?? meta('og:locale')?.replace('_', '-'), sample);
  const siteNames = [
    meta('og:site_name'),
    meta('application-name'),
    meta('apple-mobile-web-app-title'),
    titleSiteName($('title').first().text()),
    ...domainNames(host),
  ]
    .filter((s): s is string => Boolean(s && s.length >= 2))
    .filter((s, i, all) => all.indexOf(s) === i);
  // A sidebar that holds the page's <h1> is the listing's own column (Vinted puts the item's details in an <aside>).
  const holdsTitle = new Set<AnyNode>();
  for (let p: AnyNode | null = $('h1').get(0) ?? null; p; p = p.parent) holdsTitle.add(p);
  const sidebar = (el: Element) => el.name === 'aside' || el.attribs.role === 'complementary' || /(^|\s)sidebar(\s|$)/.test(el.attribs.class ?? '');
  const listingColumn = (el: Element) => holdsTitle.has(el) && sidebar(el);
  const furniture = (el: Element) => isFurniture({ name: el.name, parentName: (el.parent as Element | null)?.name, attribs: el.attribs });
  const { elements, order } = documentOrder($);
  const holdsLink = linkHolders(elements);
  const grid = (el: Element) => isItemGrid(el, holdsLink);
  let sections: Set<AnyNode> | null = null;
  const sectionsOnce = () => (sections ??= noiseSections($, elements()));
  return {
    $,
    url,
    host,
    region,
    siteNames,
    excluded: inherited((el) => !listingColumn(el) && (furniture(el) || isNoise(el) || grid(el))),
    inOthers: inherited((el) => isOthers(el) || grid(el)),
    noiseSections: sectionsOnce,
    inNoiseSection: insideOf(sectionsOnce),
    elements,
    order,
  };
}

// Second-level labels that are not a site's name (example.com.tw, example.co.uk).
const GENERIC_LABELS = new Set(['com', 'co', 'org', 'net', 'gov', 'edu', 'ac', 'ne', 'or']);

/** "24h.pchome.com.tw" → ["pchome.com.tw", "pchome"]; "www.ebay.com" → ["ebay.com", "ebay"]. */
function domainNames(host: string): string[] {
  const labels = host.split('.').filter(Boolean);
  if (labels.length < 2) return [];
  let i = labels.length - 2;
  while (i > 0 && GENERIC_LABELS.has(labels[i]!)) i--;
  const name = labels[i]!;
  return name.length >= 3 ? [labels.slice(i).join('.'), name] : [labels.slice(i).join('.')];
}

/**
 * A test that holds for an element when it holds for the element or any ancestor, memoized, so
 * asking about every element of a page walks each one once.
 */
function inherited(own: (el: Element) => boolean): (el: Element) => boolean {
  const memo = new WeakMap<AnyNode, boolean>();
  const test = (node: AnyNode | null): boolean => {
    if (!node || node.type === 'root') return false;
    const known = memo.get(node);
    if (known !== undefined) return known;
    const answer =
      (node.type === 'tag' || node.type === 'script' || node.type === 'style' ? own(node as Element) : false) || test(node.parent as AnyNode | null);
    memo.set(node, answer);
    return answer;
  };
  return (el) => test(el);
}

/** Whether an element holds a link (within a card's depth: five levels). */
function linkHolders(elements: () => readonly Element[]): (el: Element) => boolean {
  let holders: Set<AnyNode> | null = null;
  return (el) => {
    if (!holders) {
      const set = new Set<AnyNode>();
      for (const a of elements()) {
        if (a.name !== 'a' || a.attribs.href === undefined) continue;
        let p: AnyNode | null = a;
        for (let i = 0; p && i < 6; i++, p = p.parent) set.add(p);
      }
      holders = set;
    }
    return holders.has(el);
  };
}

function documentOrder($: CheerioAPI): { elements: () => readonly Element[]; order: (el: Element) => number } {
  let list: Element[] | null = null;
  let numbers: Map<AnyNode, number> | null = null;
  const elements = () => {
    if (!list) {
      const out: Element[] = [];
      const walk = (node: AnyNode) => {
        if ('children' in node)
          for (const c of node.children)
            if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
              out.push(c as Element);
              walk(c);
            }
      };
      walk($.root().get(0)!);
      list = out;
    }
    return list;
  };
  const order = (el: Element) => {
    numbers ??= new Map(elements().map((e, i) => [e, i]));
    return numbers.get(el) ?? -1;
  };
  return { elements, order };
}
