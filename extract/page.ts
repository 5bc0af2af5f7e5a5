import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { regionOf } from './currency.js';
import { isFurniture } from './furniture.js';
import { hasFallbackContent, readFallbackContent } from './fallback-content.js';
import { hasFrameDocuments, inlineFrameDocuments } from './frame-documents.js';
import { isItemGrid, isNoise, isOthers, nameTokens, rawNames } from './noise.js';
import { noiseSections } from './sections.js';
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
  /**
   * Visits the elements inside `root` (null: the whole document) in document order, with their
   * place in it; where `enter` answers false, the element's descendants are passed over (a menu, a
   * strip of other items: the readers that skip such blocks skip them whole, not element by element).
   */
  readonly walk: (root: Element | null, enter: (el: Element, at: number) => boolean) => void;
  /** The elements of one tag name ('h1', 'meta', 'script'), in document order. */
  readonly tags: (name: string) => readonly Element[];
  /** The content of the first `<meta property=…>` or `<meta name=…>` of that key, trimmed. */
  readonly meta: (key: string) => string | undefined;
}

/** A page parsed once, to be read by more than one reader (the listing's extraction and link discovery). */
export type ParsedHtml = CheerioAPI;

/** Parses a page as every reader of this folder does (htmlparser2, see above), with the documents written into its frames read in place (frame-documents.ts), and a script-less page's <noscript>/<noframes> listing read as shown (fallback-content.ts). */
export function parseHtml(html: string): ParsedHtml {
  const $ = load(html);
  if (hasFrameDocuments(html)) inlineFrameDocuments($);
  if (hasFallbackContent(html)) readFallbackContent($);
  return $;
}

/**
 * `source` is the page's HTML or the page already parsed by parseHtml; nothing here changes the
 * document (the readers only write each element's place in document order into its node, see
 * documentOrder), so one parse can serve other readers too.
 */
export function loadPage(source: string | ParsedHtml, pageUrl: string): Page {
  const $ = typeof source === 'string' ? parseHtml(source) : source;
  const { elements, order, walk } = documentOrder($);
  const { tags, meta } = tagIndex(elements);
  const count = () => elements().length;
  let url: URL | null;
  try {
    url = new URL(pageUrl);
  } catch {
    url = null;
  }
  const host = (url?.hostname ?? '').toLowerCase().replace(/^(www\d?|m)\./, '');
  const titleText = tags('title')[0] ? $(tags('title')[0]).text() : '';
  const sample = titleText + (tags('h1')[0] ? $(tags('h1')[0]).text() : '');
  const region = regionOf(host, tags('html')[0]?.attribs.lang ?? meta('og:locale')?.replace('_', '-'), sample);
  const siteNames = [
    meta('og:site_name'),
    meta('application-name'),
    meta('apple-mobile-web-app-title'),
    titleSiteName(titleText),
    ...domainNames(host),
    ...logoNames(tags('a'), url),
  ]
    .filter((s): s is string => Boolean(s && s.length >= 2))
    .filter((s, i, all) => all.indexOf(s) === i);
  // A sidebar that holds the page's <h1> is the listing's own column (Vinted puts the item's details in an
  // <aside>, in a box whose test id says item-sidebar).
  const holdsTitle = new Set<AnyNode>();
  for (let p: AnyNode | null = tags('h1')[0] ?? null; p; p = p.parent) holdsTitle.add(p);
  const sidebar = (el: Element) => el.name === 'aside' || el.attribs.role === 'complementary' || nameTokens(el).includes('sidebar');
  const listingColumn = (el: Element) => holdsTitle.has(el) && sidebar(el);
  const furniture = (el: Element) => isFurniture({ name: el.name, parentName: (el.parent as Element | null)?.name, attribs: el.attribs });
  const holdsLink = linkHolders(elements);
  const grid = (el: Element) => isItemGrid(el, holdsLink);
  let sections: Set<AnyNode> | null = null;
  const sectionsOnce = () => (sections ??= noiseSections($, elements(), siteNames));
  return {
    $,
    url,
    host,
    region,
    siteNames,
    excluded: inherited((el) => !listingColumn(el) && (furniture(el) || isNoise(el) || grid(el)), order, count),
    inOthers: inherited((el) => isOthers(el) || grid(el), order, count),
    noiseSections: sectionsOnce,
    inNoiseSection: inherited((el) => sectionsOnce().has(el), order, count),
    elements,
    order,
    walk,
    tags,
    meta,
  };
}

/**
 * Elements by tag name and the <meta> contents by key, from one pass over the page. A selector
 * query walks the whole document each time it is asked; a large page (a mega-menu, hundreds of
 * item cards, inline SVG) has tens of thousands of elements, and the readers ask a few dozen.
 */
function tagIndex(elements: () => readonly Element[]): Pick<Page, 'tags' | 'meta'> {
  let byTag: Map<string, Element[]> | null = null;
  let metas: Map<string, string> | null = null;
  const index = () => {
    if (!byTag) {
      byTag = new Map();
      for (const el of elements()) {
        const list = byTag.get(el.name);
        if (list) list.push(el);
        else byTag.set(el.name, [el]);
      }
    }
    return byTag;
  };
  const tags = (name: string) => index().get(name) ?? [];
  const meta = (key: string) => {
    if (!metas) {
      metas = new Map();
      for (const el of tags('meta')) {
        const content = el.attribs.content;
        if (content === undefined) continue;
        // The first of each key, as `meta[property=k], meta[name=k]` picks the first in document order.
        for (const k of [el.attribs.property, el.attribs.name]) if (k !== undefined && !metas.has(k)) metas.set(k, content);
      }
    }
    return metas.get(key)?.trim();
  };
  return { tags, meta };
}

// What a home link says when it does not name the site.
const HOME_WORDS = /^(home|homepage|首页|首頁|主页|主頁|startseite|accueil|inicio|início|strona główna|ホーム|홈)$/i;
const UNKNOWN_ADDRESS = 'https://saved-page.invalid/';
// Logo links sit in the page's header: only the first few are asked.
const LOGO_LINKS = 5;
// "Etsy home", "Go to Shopee homepage", "拼多多首页": the name in a home link's label.
const HOME_LABEL = /^\s*(?:go to |back to )?(.{2,30}?)\s*(?:home ?page|home|首页|首頁|トップページ|startseite)\s*$/i;
// A site's home: its root, a language's root ("/ar", "/en-gb/"), or a shop's own root under it and its index page ("/catalog/index.php", "/shop/").
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?|[\w-]+\/)?(?:index\.(?:php|html?|aspx?|jsp))?$/i;

/**
 * The site's name as its logo gives it: the image's alt text, or the words, of a link named logo
 * that leads to the site's home page ("闲鱼" on a page whose <title> is only a slogan).
 */
function logoNames(links: readonly Element[], url: URL | null): string[] {
  const out: string[] = [];
  for (const a of links) {
    // The cheap test first: most links are not a logo.
    const img = a.children.find((c): c is Element => c.type === 'tag' && (c as Element).name === 'img');
    // A home link drawn as an SVG says the site's name only to screen readers: aria-label="Etsy home".
    // One that shows no words of its own names the site in its label alone: aria-label="Chợ Tốt".
    const homeLabel = a.attribs['aria-label']?.match(HOME_LABEL)?.[1] ?? (textOf(a).trim() === '' && !img ? a.attribs['aria-label'] : undefined);
    if (!homeLabel && !/logo/i.test(`${rawNames(a)} ${img ? `${rawNames(img)} ${img.attribs.src ?? ''}` : ''}`)) continue;
    let home: URL;
    try {
      home = new URL(a.attribs.href ?? '', url ?? UNKNOWN_ADDRESS);
    } catch {
      continue;
    }
    // (A saved page without its address, or with a placeholder under .invalid: a logo linked to any site's root is taken as its own.)
    if ((url && !url.hostname.endsWith('.invalid') && home.host !== url.host) || !HOME_PATH.test(home.pathname) || home.search) continue;
    const name = (img?.attribs.alt ?? homeLabel ?? textOf(a)).replace(/\s+/g, ' ').trim();
    if (name.length >= 2 && name.length <= 30 && !HOME_WORDS.test(name)) out.push(name);
    if (out.length >= LOGO_LINKS) break;
  }
  return out;
}

const textOf = (el: Element): string =>
  el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : c.type === 'tag' ? textOf(c as Element) : '')).join('');

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
 * asking about every element of a page walks each one once. The answers are kept in a byte per
 * element, by its place in document order (0 not asked, 1 no, 2 yes), not in a Map of tens of
 * thousands of nodes that is slow to fill and to collect. A node without a place (one of another
 * document) is asked each time.
 */
function inherited(own: (el: Element) => boolean, order: (el: Element) => number, count: () => number): (el: Element) => boolean {
  let memo: Uint8Array | null = null;
  const test = (node: AnyNode | null): boolean => {
    if (!node || node.type === 'root') return false;
    const isElement = node.type === 'tag' || node.type === 'script' || node.type === 'style';
    const at = isElement ? order(node as Element) : -1;
    if (at >= 0) {
      memo ??= new Uint8Array(count());
      const known = memo[at]!;
      if (known !== 0) return known === 2;
    }
    // The ancestors first: inside a menu or a strip of other items, the element's own names need no reading.
    const answer = test(node.parent as AnyNode | null) || (isElement && own(node as Element));
    if (at >= 0) memo![at] = answer ? 2 : 1;
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

/**
 * Each element's place in document order is kept in the node's own `startIndex` field, and the place
 * past its last descendant in `endIndex`: the page is parsed without source positions, so the fields
 * are free, and no Map of tens of thousands of nodes has to be filled and collected.
 */
function documentOrder($: CheerioAPI): Pick<Page, 'elements' | 'order' | 'walk'> {
  let list: Element[] | null = null;
  const elements = () => {
    if (!list) {
      const out: Element[] = [];
      const walkTree = (node: AnyNode) => {
        if ('children' in node)
          for (const c of node.children)
            if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
              c.startIndex = out.push(c as Element) - 1;
              walkTree(c);
              c.endIndex = out.length;
            }
      };
      walkTree($.root().get(0)!);
      list = out;
    }
    return list;
  };
  const order = (el: Element) => {
    const all = elements();
    const at = el.startIndex;
    // (A node of another document, or one added after the listing was made, has no place here.)
    return at !== null && all[at] === el ? at : -1;
  };
  const walk = (root: Element | null, enter: (el: Element, at: number) => boolean) => {
    const all = elements();
    const start = root ? order(root) : -1;
    if (root && start < 0) return;
    const end = root ? root.endIndex! : all.length;
    for (let at = start + 1; at < end;) at = enter(all[at]!, at) ? at + 1 : all[at]!.endIndex!;
  };
  return { elements, order, walk };
}
