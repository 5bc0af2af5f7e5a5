import type { CheerioAPI } from 'cheerio';
import type { ExtractedFields } from './extract-listing.js';

type Json = Record<string, unknown>;

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object') return text((v as Json).name ?? (v as Json)['@value']);
  return undefined;
};

const images = (v: unknown): string[] => {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(images);
  if (v && typeof v === 'object') return images((v as Json).url ?? (v as Json).contentUrl);
  return [];
};

function isProduct(node: Json): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /^(Product|Offer|IndividualProduct|ProductModel)$/.test(t));
}

function* nodes(v: unknown): Generator<Json> {
  if (Array.isArray(v)) for (const x of v) yield* nodes(x);
  else if (v && typeof v === 'object') {
    yield v as Json;
    if ('@graph' in (v as Json)) yield* nodes((v as Json)['@graph']);
  }
}

/** schema.org Product from JSON-LD scripts; a broken script is skipped, not fatal. */
export function fromJsonLd($: CheerioAPI): ExtractedFields {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      data = JSON.parse($(el).text());
    } catch {
      continue;
    }
    for (const node of nodes(data)) {
      if (!isProduct(node)) continue;
      const offers = (Array.isArray(node.offers) ? node.offers[0] : node.offers) as Json | undefined;
      const amount = text(offers?.price ?? (offers?.priceSpecification as Json | undefined)?.price);
      const currency = text(offers?.priceCurrency);
      return {
        title: text(node.name),
        description: text(node.description),
        price: amount ? [currency, amount].filter(Boolean).join(' ') : undefined,
        seller: text(offers?.seller ?? node.seller ?? node.brand),
        images: images(node.image),
      };
    }
  }
  return {};
}

/** schema.org Product in microdata (itemscope/itemprop). */
export function fromMicrodata($: CheerioAPI): ExtractedFields {
  const scope = $('[itemscope][itemtype*="schema.org/Product"]').first();
  if (scope.length === 0) return {};
  const prop = (name: string) => {
    const el = scope.find(`[itemprop="${name}"]`).first();
    if (el.length === 0) return undefined;
    return (el.attr('content') ?? el.attr('src') ?? el.attr('href') ?? el.text()).trim() || undefined;
  };
  const price = prop('price');
  const currency = prop('priceCurrency');
  return {
    title: prop('name'),
    description: prop('description'),
    price: price ? [currency, price].filter(Boolean).join(' ') : undefined,
    seller: prop('seller') ?? prop('brand'),
    images: scope.find('[itemprop="image"]').toArray().map((e) => $(e).attr('src') ?? $(e).attr('content') ?? '').filter(Boolean),
  };
}

/** OpenGraph (og:*, product:price:*) — a page's own summary of itself. */
export function fromOpenGraph($: CheerioAPI): ExtractedFields {
  const meta = (p: string) => $(`meta[property="${p}"], meta[name="${p}"]`).first().attr('content')?.trim() || undefined;
  const amount = meta('product:price:amount') ?? meta('og:price:amount');
  const currency = meta('product:price:currency') ?? meta('og:price:currency');
  return {
    title: meta('og:title'),
    description: meta('og:description'),
    price: amount ? [currency, amount].filter(Boolean).join(' ') : undefined,
    images: $('meta[property="og:image"]').toArray().map((e) => $(e).attr('content') ?? '').filter(Boolean),
  };
}
