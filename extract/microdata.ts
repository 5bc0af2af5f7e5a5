import type { Element } from 'domhandler';
import type { SourceFields } from './fields.js';
import { elementText } from './element-text.js';
import type { Page } from './page.js';
import { parsePrice } from './price.js';
import { cleanLines, cleanText } from './text.js';

/**
 * schema.org in the page's markup, in either syntax: microdata (itemscope, itemtype, itemprop) or
 * RDFa (typeof, property: `<div vocab="http://schema.org/" typeof="Product">`, `property="schema:price"`).
 * Both nest scopes the same way, so one reader serves them, told which attributes to read.
 */
interface Syntax {
  /** Whether an element opens a scope. */
  readonly isScope: (el: Element) => boolean;
  /** The property names an element carries ("price", "schema:price" and "http://schema.org/price" all give "price"). */
  readonly names: (el: Element) => string[];
  /** Whether an element opens a Product scope. */
  readonly isProduct: (el: Element) => boolean;
}

const localNames = (v: string | undefined) => (v ? v.split(/\s+/).map((n) => n.replace(/^.*[/:#]/, '')) : []);

const MICRODATA: Syntax = {
  isScope: (el) => 'itemscope' in el.attribs,
  names: (el) => localNames(el.attribs.itemprop),
  // (As `[itemtype*="schema.org/Product"]` reads it: a part of the type's URL, so ProductModel counts too.)
  isProduct: (el) =>
    'itemscope' in el.attribs &&
    el.attribs.itemtype !== undefined &&
    /(schema\.org\/(Product|IndividualProduct|Vehicle|Car)|data-vocabulary\.org\/Product)/.test(el.attribs.itemtype),
};

const RDFA: Syntax = {
  isScope: (el) => 'typeof' in el.attribs,
  // In the <head>, property="og:title" is OpenGraph, read elsewhere; only properties inside a scope count here.
  names: (el) => localNames(el.attribs.property),
  isProduct: (el) => {
    const t = el.attribs.typeof;
    if (t === undefined) return false;
    const words = t.split(/\s+/);
    return ['Product', 'schema:Product', 'IndividualProduct', 'Vehicle'].some((w) => words.includes(w)) || t.includes('schema.org/Product');
  },
};

/** A property's value as microdata and RDFa define it: content, src, href, datetime, value, else its text. */
function valueOf(el: Element): string | undefined {
  const a = el.attribs;
  const v =
    a.content ??
    (/^(img|audio|video|source|iframe|embed)$/.test(el.name) ? a.src : undefined) ??
    (/^(a|link|area)$/.test(el.name) ? (a.href ?? a.resource) : undefined) ??
    (el.name === 'time' ? a.datetime : undefined) ??
    (/^(data|meter)$/.test(el.name) ? a.value : undefined);
  // (Read as the page shows it: paragraphs of a description on lines of their own, not run together.)
  return cleanLines(v ?? elementText(el));
}

/** The properties named `name` that belong to `scope` itself, in document order. */
function ownProperties(syntax: Syntax, scope: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'tag') continue;
      const child = c as Element;
      if (syntax.names(child).includes(name)) out.push(child);
      // A nested scope's own properties are its own; the scope element itself may still be our property.
      if (!syntax.isScope(child)) walk(child);
    }
  };
  walk(scope);
  return out;
}

function prop(syntax: Syntax, page: Page, scope: Element, name: string): string | undefined {
  const el = ownProperties(syntax, scope, name)[0];
  if (!el) return undefined;
  // A property that is itself a scope (seller: Organization) is read by its own name.
  if (syntax.isScope(el)) return prop(syntax, page, el, 'name') ?? cleanText(page.$(el).text());
  return valueOf(el);
}

/**
 * The page's own Product scope: the first that is not inside another Product (a related item nested
 * in it) nor in a block of other items ("Recently viewed", "Similar items"), which pages often
 * put above the listing; else the first.
 */
function productScope(syntax: Syntax, page: Page): Element | undefined {
  const scopes = page.elements().filter(syntax.isProduct);
  const products = new Set(scopes);
  // (Inside a WebPage or ItemPage scope is where the page's own Product often is: only a Product nests one.)
  const nested = (el: Element) => {
    for (let p = el.parent as Element | null; p && p.type === 'tag'; p = p.parent as Element | null) if (products.has(p)) return true;
    return false;
  };
  return scopes.find((el) => !nested(el) && !page.inOthers(el) && !page.excluded(el) && !page.inNoiseSection(el)) ?? scopes[0];
}

function read(syntax: Syntax, page: Page): SourceFields {
  const scope = productScope(syntax, page);
  if (!scope) return {};
  const p = (s: Element, name: string) => prop(syntax, page, s, name);
  const offer = ownProperties(syntax, scope, 'offers')[0];
  const offerScope = offer && syntax.isScope(offer) ? offer : scope;
  const amount = p(offerScope, 'price') ?? p(offerScope, 'lowPrice') ?? p(scope, 'price');
  const currency = p(offerScope, 'priceCurrency') ?? p(scope, 'priceCurrency');
  const parsed = amount ? parsePrice(amount, { bare: true, region: page.region }) : null;
  return {
    title: cleanText(p(scope, 'name')),
    description: p(scope, 'description'),
    // A price of 0 is a placeholder, as in JSON-LD.
    price:
      parsed && Number(parsed.amount) > 0
        ? { ...parsed, text: [currency, amount].filter(Boolean).join(' '), currency: currency ?? parsed.currency }
        : undefined,
    seller: cleanText(p(offerScope, 'seller') ?? (offerScope !== scope ? undefined : p(scope, 'seller'))),
    images: ownProperties(syntax, scope, 'image')
      .map((e) => e.attribs.src ?? e.attribs.content ?? e.attribs.href ?? '')
      .filter(Boolean),
  };
}

/**
 * schema.org Product in microdata, else in RDFa: only properties whose nearest scope is the Product
 * (or its offer) count, so a BreadcrumbList or a review nested in the Product never lends its `name`.
 */
export function readMicrodata(page: Page): SourceFields {
  const md = read(MICRODATA, page);
  return md.title || md.price ? md : read(RDFA, page);
}
