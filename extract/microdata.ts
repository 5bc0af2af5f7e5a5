import type { Cheerio } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { SourceFields } from './fields.js';
import type { Page } from './page.js';
import { parsePrice } from './price.js';
import { cleanLines, cleanText } from './text.js';

const PRODUCT_SCOPE =
  '[itemscope][itemtype*="schema.org/Product"], [itemscope][itemtype*="schema.org/IndividualProduct"], [itemscope][itemtype*="data-vocabulary.org/Product"], [itemscope][itemtype*="schema.org/Vehicle"], [itemscope][itemtype*="schema.org/Car"]';

/** The itemscope a property element belongs to: its nearest ancestor with itemscope (never itself). */
function scopeOf(el: Element): Element | null {
  for (let p = el.parent; p && p.type !== 'root'; p = p.parent) if ((p as Element).attribs && 'itemscope' in (p as Element).attribs) return p as Element;
  return null;
}

/** A property's value as microdata defines it: content, src, href, datetime, value, else its text. */
function valueOf(page: Page, el: Element): string | undefined {
  const a = el.attribs;
  const v =
    a.content ??
    (/^(img|audio|video|source|iframe|embed)$/.test(el.name) ? a.src : undefined) ??
    (/^(a|link|area)$/.test(el.name) ? a.href : undefined) ??
    (el.name === 'time' ? a.datetime : undefined) ??
    (/^(data|meter)$/.test(el.name) ? a.value : undefined);
  return cleanLines(v ?? page.$(el).text());
}

/** The properties named `name` that belong to `scope` itself, in document order. */
export function ownProperties(page: Page, scope: Element, name: string): Element[] {
  const found: Cheerio<Element> = page.$(scope).find(`[itemprop~="${name}"]`);
  return found.toArray().filter((el) => scopeOf(el) === scope);
}

function prop(page: Page, scope: Element, name: string): string | undefined {
  const el = ownProperties(page, scope, name)[0];
  if (!el) return undefined;
  // A property that is itself a scope (seller: Organization) is read by its own name.
  if ('itemscope' in el.attribs) return prop(page, el, 'name') ?? cleanText(page.$(el).text());
  return valueOf(page, el);
}

/**
 * schema.org Product in microdata: only properties whose nearest itemscope is the Product (or its
 * offer) count, so a BreadcrumbList or a review nested in the Product never lends its `name`.
 */
export function readMicrodata(page: Page): SourceFields {
  const scope = page.$(PRODUCT_SCOPE).first().get(0);
  if (!scope) return {};
  const offer = ownProperties(page, scope, 'offers')[0];
  const offerScope = offer && 'itemscope' in offer.attribs ? offer : scope;
  const amount = prop(page, offerScope, 'price') ?? prop(page, offerScope, 'lowPrice') ?? prop(page, scope, 'price');
  const currency = prop(page, offerScope, 'priceCurrency') ?? prop(page, scope, 'priceCurrency');
  const parsed = amount ? parsePrice(amount, { bare: true, region: page.region }) : null;
  return {
    title: cleanText(prop(page, scope, 'name')),
    description: prop(page, scope, 'description'),
    price: parsed ? { ...parsed, text: [currency, amount].filter(Boolean).join(' '), currency: currency ?? parsed.currency } : undefined,
    seller: cleanText(prop(page, offerScope, 'seller') ?? (offerScope !== scope ? undefined : prop(page, scope, 'seller'))),
    images: ownProperties(page, scope, 'image')
      .map((e) => e.attribs.src ?? e.attribs.content ?? e.attribs.href ?? '')
      .filter(Boolean),
  };
}
