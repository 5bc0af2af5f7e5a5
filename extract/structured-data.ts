import type { SourceFields } from './fields.js';
import type { Page } from './page.js';
import { parsePrice, type Price } from './price.js';
import { cleanLines, cleanText, decodeHtmlText } from './text.js';
import { readMicrodata } from './microdata.js';

type Json = Record<string, unknown>;

const PRODUCT_TYPES = /^(Product|IndividualProduct|ProductModel|ProductGroup|SomeProducts|Vehicle|Car|Motorcycle|RealEstateListing|Offer|AggregateOffer)$/;
// A list price or an MSRP is what the item is not sold for today.
const NOT_SELLING_PRICE = /Strikethrough|ListPrice|SRP|MSRP|Invoice/i;

/** A JSON-LD string as the page shows it: entities decoded, tags out, lines kept. */
const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return cleanLines(decodeHtmlText(v));
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json).name ?? (v as Json)['@value']);
  return undefined;
};

const images = (v: unknown): string[] => {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(images);
  if (v && typeof v === 'object') return images((v as Json).url ?? (v as Json).contentUrl);
  return [];
};

const typesOf = (node: Json) => (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter((t): t is string => typeof t === 'string');

// Where a document lists other items: a "Customers also viewed" ItemList, a Product's related items.
const LIST_TYPES = /^(ItemList|OfferCatalog|BreadcrumbList|SearchResultsPage|CollectionPage)$/;
const LIST_KEYS = new Set(['itemListElement', 'isRelatedTo', 'isSimilarTo', 'isAccessoryOrSparePartFor', 'isConsumableFor', 'hasPart', 'review', 'subjectOf']);

/**
 * Every object in a JSON-LD document, depth first (Products hide in @graph, mainEntity,
 * itemOffered), each with whether it sits in a list of other items (ItemList, isRelatedTo…).
 */
function* objects(v: unknown, inList = false, depth = 0): Generator<{ node: Json; inList: boolean }> {
  if (depth > 8) return;
  if (Array.isArray(v)) for (const x of v) yield* objects(x, inList, depth + 1);
  else if (v && typeof v === 'object') {
    const node = v as Json;
    yield { node, inList };
    const listed = inList || typesOf(node).some((t) => LIST_TYPES.test(t));
    for (const [key, value] of Object.entries(node)) if (value && typeof value === 'object') yield* objects(value, listed || LIST_KEYS.has(key), depth + 1);
  }
}

/** The price an Offer, AggregateOffer or a list of them asks today. */
export function offerPrice(offers: unknown, region: string | null): { price?: Price; seller?: string } {
  const list = (Array.isArray(offers) ? offers : [offers]).filter((o): o is Json => Boolean(o) && typeof o === 'object');
  for (const offer of list) {
    const specs = (Array.isArray(offer.priceSpecification) ? offer.priceSpecification : [offer.priceSpecification]).filter(
      (s): s is Json => Boolean(s) && typeof s === 'object',
    );
    const spec = specs.find((s) => !NOT_SELLING_PRICE.test(String(s.priceType ?? ''))) ?? specs[0];
    const amount = str(offer.price ?? offer.lowPrice ?? spec?.price ?? spec?.minPrice);
    const currency = str(offer.priceCurrency ?? spec?.priceCurrency);
    const seller = str(offer.seller ?? offer.offeredBy);
    const parsed = amount ? parsePrice(amount, { bare: true, region }) : null;
    // A price of 0 is a placeholder ("price on request", filled in by a script), not the price.
    if (parsed && Number(parsed.amount) > 0) {
      const text = [currency, amount].filter(Boolean).join(' ');
      return { price: { ...parsed, text, currency: currency ?? parsed.currency, marked: true }, seller };
    }
    if (seller) return { seller };
  }
  return {};
}

/**
 * schema.org Product from JSON-LD scripts; a broken script is skipped, not fatal. Never the brand as
 * seller. The page's Product is the first one outside a list of other items: pages put a "Customers
 * also viewed" ItemList of Products, with their prices, before their own.
 */
export function fromJsonLd(page: Page): SourceFields {
  const { $ } = page;
  let listed: SourceFields | undefined;
  for (const el of page.tags('script')) {
    if (el.attribs.type?.trim().toLowerCase() !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse($(el).text());
    } catch {
      continue;
    }
    for (const { node, inList } of objects(data)) {
      if (!typesOf(node).some((t) => PRODUCT_TYPES.test(t))) continue;
      if (inList && listed) continue;
      const fields = productFields(node, page.region);
      if (!fields) continue;
      if (!inList) return fields;
      listed = fields;
    }
  }
  return listed ?? {};
}

function productFields(node: Json, region: string | null): SourceFields | undefined {
  // An Offer at the top names its item in itemOffered.
  const isOffer = typesOf(node).some((t) => /Offer$/.test(t));
  const item = isOffer && node.itemOffered && typeof node.itemOffered === 'object' ? (node.itemOffered as Json) : node;
  const offers = isOffer ? node : node.offers;
  const { price, seller } = offerPrice(offers, region);
  const title = cleanText(str(item.name));
  if (!title && !price) return undefined;
  return {
    title,
    description: str(item.description),
    price,
    seller: cleanText(seller ?? str(item.seller)),
    images: images(item.image),
  };
}

/** schema.org Product in microdata: the Product's own properties, never those of scopes nested in it. */
export function fromMicrodata(page: Page): SourceFields {
  return readMicrodata(page);
}

/** OpenGraph and the other <meta> summaries (twitter:*, description, product:price:*). */
export function fromOpenGraph(page: Page): SourceFields {
  const meta = (p: string) => cleanLines(decodeHtmlText(page.meta(p) ?? '')) || undefined;
  const amount = meta('product:price:amount') ?? meta('og:price:amount');
  const currency = meta('product:price:currency') ?? meta('og:price:currency');
  const parsed = amount ? parsePrice(amount, { bare: true, region: page.region }) : null;
  return {
    title: cleanText(meta('og:title') ?? meta('twitter:title')),
    description: meta('og:description') ?? meta('twitter:description') ?? meta('description'),
    price:
      parsed && Number(parsed.amount) > 0
        ? { ...parsed, text: [currency, amount].filter(Boolean).join(' '), currency: currency ?? parsed.currency, marked: true }
        : undefined,
    images: page
      .tags('meta')
      .filter((e) => e.attribs.property === 'og:image' || e.attribs.name === 'og:image')
      .map((e) => e.attribs.content ?? '')
      .filter(Boolean),
  };
}
