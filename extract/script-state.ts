import type { SourceFields } from './fields.js';
import type { Page } from './page.js';
import { parsePrice } from './price.js';
import { cleanLines, cleanText } from './text.js';

/**
 * The listing in a script-rendered page's state: Next.js's `__NEXT_DATA__` JSON, or an inline
 * `window.__INITIAL_STATE__ = {…}` (also __PRELOADED_STATE__, __APOLLO_STATE__, __NUXT__ when
 * written as JSON). A mobile app shell (Mercari, Carousell, Xianyu's H5 pages) ships its body empty
 * and the item only there. Read only for a page that shows next to nothing and has no schema.org
 * Product: a state blob is often hundreds of KiB of other things (translations, feature flags,
 * recommendation feeds), not worth parsing when the page shows its listing.
 *
 * The listing is the object that has a name and a price or a description, preferring the one whose
 * id the page's address carries (the feed's other items have their own ids), and one not in a list.
 */

type Json = Record<string, unknown>;

// Past this, a state blob is not parsed (a page's own item is never that large; a feed can be).
const MAX_STATE_CHARS = 3_000_000;
// Objects looked at, at most: the search stops there.
const MAX_OBJECTS = 50_000;
const STATE_ASSIGNMENT = /^\s*(?:window\.|self\.)?(__INITIAL_STATE__|__PRELOADED_STATE__|__APOLLO_STATE__|__NUXT__|__STATE__|__APP_STATE__)\s*=\s*/;

const TITLE_KEYS = ['name', 'title', 'itemName', 'productName', 'subject', 'itemTitle', 'goodsName'];
const DESCRIPTION_KEYS = ['description', 'desc', 'itemDescription', 'content', 'body', 'detail'];
const PRICE_KEYS = ['price', 'salePrice', 'currentPrice', 'priceAmount', 'amount', 'sellPrice'];
const ID_KEYS = ['id', 'itemId', 'productId', 'listingId', 'goodsId', 'sku', 'postId'];
const SELLER_KEYS = ['seller', 'owner', 'user', 'shop', 'store', 'sellerNick', 'sellerName', 'nickname'];
const NAME_KEYS = ['name', 'nickname', 'nick', 'username', 'userName', 'displayName', 'shopName', 'title'];

/** The JSON texts of the page's state scripts. */
function stateTexts(page: Page): string[] {
  const out: string[] = [];
  for (const el of page.tags('script')) {
    const text = page.$(el).text();
    if (text.length > MAX_STATE_CHARS) continue;
    if (el.attribs.id === '__NEXT_DATA__') out.push(text);
    else {
      const m = STATE_ASSIGNMENT.exec(text);
      // The object literal up to its last brace: a trailing ";" or a second statement is left out.
      if (m) out.push(text.slice(m[0].length, text.lastIndexOf('}') + 1));
    }
  }
  return out;
}

const firstString = (node: Json, keys: readonly string[]): string | undefined => {
  for (const k of keys) {
    const v = node[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
};

const firstPrice = (node: Json): unknown => {
  for (const k of PRICE_KEYS) {
    const v = node[k];
    if (typeof v === 'number' || (typeof v === 'string' && /\d/.test(v))) return v;
    // { price: { amount: 640, currency: "USD" } }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = (v as Json).amount ?? (v as Json).value;
      if (typeof inner === 'number' || typeof inner === 'string') return inner;
    }
  }
  return undefined;
};

function sellerName(node: Json): string | undefined {
  for (const k of SELLER_KEYS) {
    const v = node[k];
    if (typeof v === 'string' && v.trim() && k !== 'user' && k !== 'shop' && k !== 'store') return v;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const name = firstString(v as Json, NAME_KEYS);
      if (name) return name;
    }
  }
  return undefined;
}

interface Found {
  readonly node: Json;
  readonly score: number;
}

/** The object that reads as the page's listing, searched breadth-first with a budget. */
function findListing(data: unknown, address: string): Json | undefined {
  let best: Found | undefined;
  const queue: { v: unknown; inList: boolean }[] = [{ v: data, inList: false }];
  for (let at = 0; at < queue.length && at < MAX_OBJECTS; at++) {
    const { v, inList } = queue[at]!;
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object') queue.push({ v: x, inList: true });
      continue;
    }
    const node = v as Json;
    const title = firstString(node, TITLE_KEYS);
    const hasPrice = firstPrice(node) !== undefined;
    const hasDescription = firstString(node, DESCRIPTION_KEYS) !== undefined;
    if (title && (hasPrice || hasDescription)) {
      const id = ID_KEYS.map((k) => node[k]).find((x) => (typeof x === 'string' && x.length >= 4) || (typeof x === 'number' && x >= 1000));
      const score = (id !== undefined && address.includes(String(id)) ? 10 : 0) + (hasDescription ? 3 : 0) + (hasPrice ? 2 : 0) + (inList ? 0 : 2);
      if (!best || score > best.score) best = { node, score };
    }
    for (const x of Object.values(node)) if (x && typeof x === 'object') queue.push({ v: x, inList });
  }
  return best?.node;
}

// A hostile address may hold a broken escape ("%E0%A4%A"): then it is compared as it is.
const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function fromScriptState(page: Page): SourceFields {
  const address = page.url ? decoded(page.url.pathname + page.url.search) : '';
  for (const text of stateTexts(page)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const node = findListing(data, address);
    if (!node) continue;
    const amount = firstPrice(node);
    const price = amount !== undefined ? parsePrice(String(amount), { bare: true, region: page.region }) : null;
    return {
      title: cleanText(firstString(node, TITLE_KEYS)),
      description: cleanLines(firstString(node, DESCRIPTION_KEYS)),
      price: price && Number(price.amount) > 0 ? { ...price, marked: true } : undefined,
      seller: cleanText(sellerName(node)),
    };
  }
  return {};
}
