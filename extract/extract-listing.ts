import type { Element } from 'domhandler';
import type { ListingPrice, ListingText, SiteConfig } from '../contracts/index.js';
import { isBoilerplate, saysSiteTemplate } from './boilerplate.js';
import type { FieldSource, SourceFields } from './fields.js';
import { elementText } from './element-text.js';
import { isFactsBlock } from './facts-block.js';
import { findMainContent } from './main-content.js';
import { isNoise } from './noise.js';
import { loadPage, type Page, type ParsedHtml } from './page.js';
import { findPriceInPage } from './price-in-page.js';
import { priceInText } from './price-in-text.js';
import { parsePrice, type Price } from './price.js';
import { findSeller } from './seller.js';
import { isUnshownSiteLine, isUnshownSiteNaming, summaryGivesWay } from './summary.js';
import { looksLikeShell } from './shell.js';
import { fromScriptState } from './script-state.js';
import { fromJsonLd, fromMicrodata, fromOpenGraph } from './structured-data.js';
import { isTelegramPost, readTelegramPost } from './telegram.js';
import { cleanText, comparable, sameText } from './text.js';
import { chooseTitle, cleanTitle, headingElement, otherHeadingText, splitSegments, type TitleCandidate } from './title.js';
import { findTitleElement } from './title-element.js';
import { labelledTitle, mentionsNameLabel } from './labelled-title.js';

export type { FieldSource } from './fields.js';

/** A page's listing: its text and price as data (a range gives its low end; the currency is ISO 4217 where the page's region tells it, else the symbol as written). */
export interface ExtractedListing extends ListingText, ListingPrice {
  /** Absolute image URLs (the images are never downloaded). */
  readonly images: string[];
  /** Where each field that was found came from. */
  readonly fieldSources: Readonly<Partial<Record<'title' | 'description' | 'price' | 'seller' | 'images', FieldSource>>>;
  /** The distinct sources that gave fields, in field order. */
  readonly sources: FieldSource[];
  /** The page is an empty shell that scripts would fill: render it before judging. */
  readonly isShell: boolean;
}

type Found<T> = { value: T; source: FieldSource } | undefined;
/** The first option with a value; an option may be a function, called only when the ones before it gave nothing. */
const first = <T>(...options: [T | undefined | (() => T | undefined), FieldSource][]): Found<T> => {
  for (const [option, source] of options) {
    const v = typeof option === 'function' ? (option as () => T | undefined)() : option;
    if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) return { value: v, source };
  }
  return undefined;
};

function fromSelectors(page: Page, fields: SiteConfig['fields']): SourceFields & { priceText?: string } {
  const { $ } = page;
  const one = (sel?: string) => (sel ? cleanText($(sel).first().text()) : undefined);
  const priceText = one(fields.price);
  return {
    title: one(fields.title),
    description: one(fields.description),
    priceText,
    price: priceText ? (parsePrice(priceText, { bare: true, region: page.region }) ?? undefined) : undefined,
    seller: one(fields.seller),
    images: fields.images
      ? $(fields.images)
          .toArray()
          .map((e) => $(e).attr('src') ?? $(e).attr('data-src') ?? $(e).attr('href') ?? '')
          .filter(Boolean)
      : [],
  };
}

/**
 * The listing fields of a page: the site's selectors first, then structured data (JSON-LD,
 * microdata, OpenGraph), then what the page shows (its headings, its main content, price and seller
 * markup and labels). A title is the one the sources agree on (title.ts); a description that is the
 * site's boilerplate is passed over. See the README ("How a listing is read").
 * `source` is the page's HTML, or the page parsed once by parseHtml and read by others too.
 */
export function extractListing(source: string | ParsedHtml, pageUrl: string, fields: SiteConfig['fields'] = {}): ExtractedListing {
  const page = loadPage(source, pageUrl);
  const sel = fromSelectors(page, fields);
  const ld = fromJsonLd(page);
  const md = fromMicrodata(page);
  const og = fromOpenGraph(page);
  const post = isTelegramPost(page) ? readTelegramPost(page) : {};
  const h1 = headingElement(page);
  const body = page.tags('body')[0];
  // The body's shown text, read only when a reader needs it (a walk of the whole page).
  let bodyTextOnce: string | undefined;
  const bodyText = () => (bodyTextOnce ??= body ? elementText(body, page.excluded) : '');
  // An app shell's listing is only in its scripts' state; a page that shows its listing (a heading, text) is not parsed for it.
  const state = !ld.title && !md.title && !post.title && !h1 && looksLikeShell(page, bodyText, false) ? fromScriptState(page) : {};

  const names = page.siteNames;
  const titleTag = page.tags('title')[0] ? page.$(page.tags('title')[0]).text() : '';
  // An <h1> that the <title> or og:title holds is the title shown: no need to look for another element.
  const h1Key = h1 ? comparable(page.$(h1).text()) : '';
  // (Not a logo: "BikeBazaar" is in the <title> too, but as a small part of it.)
  const h1Confirmed =
    h1 !== undefined &&
    h1Key.length >= 4 &&
    cleanTitle(page.$(h1).text(), names) !== undefined &&
    [titleTag, og.title ?? ''].map(comparable).some((r) => r.includes(h1Key) && h1Key.length >= r.length * 0.3);
  // A <title> that is only the site's name or slogan holds no listing's title to find on the page (the footer's "© Shop" would match it).
  // Nor does one that says what an <h1> naming the shop or category says ("Smartphones | Resellr").
  const otherHeading = otherHeadingText(page);
  const namesOther = (r: string) => {
    if (otherHeading === undefined) return false;
    // The heading's words are the whole title, or one of its two segments (the other the site's name).
    const { parts } = splitSegments(cleanTitle(r, names) ?? '');
    return parts.length <= 2 && parts.some((p) => comparable(p) === comparable(otherHeading));
  };
  // An SEO-stuffed <title> ("Buy <item> Online at Best Price | <category> | <site> - Online Shopping Site") says the
  // site's words, yet holds the item's name: the element the page shows it in is still found by it. A short one is a slogan.
  const seoTitleHolds = (r: string) => !saysSiteTemplate(r) || comparable(r).length >= MIN_SEO_TITLE_KEY;
  const titleRefs = [titleTag, og.title].map((r) => (r && seoTitleHolds(r) && cleanTitle(r, names) && !namesOther(r) ? r : undefined));
  const shown = h1Confirmed ? undefined : findTitleElement(page, titleRefs);
  const candidates: TitleCandidate[] = [
    ['selector', sel.title, 'selector'],
    ['text', post.title, 'post'],
    ['json-ld', cleanTitle(ld.title, names), 'json-ld'],
    ['microdata', cleanTitle(md.title, names), 'microdata'],
    ['page-state', cleanTitle(state.title, names), 'page-state'],
    ['opengraph', post.title ? undefined : cleanTitle(og.title, names), 'opengraph'],
    ['heading', h1 ? cleanTitle(page.$(h1).text(), names) : undefined, 'h1'],
    ['heading', shown?.confirmed ? cleanTitle(shown.text, names) : undefined, 'title-element'],
    // A <title> that is the site's slogan (转转-专业的二手交易平台) names no listing.
    ['heading', saysSiteTemplate(titleTag) || namesOther(titleTag) ? undefined : cleanTitle(titleTag, names), 'title-tag'],
    ['heading', shown && !shown.confirmed ? cleanTitle(shown.text, names) : undefined, 'title-element'],
  ]
    .filter((c): c is [FieldSource, string, string] => Boolean(c[1]))
    .map(([source, text, origin]) => ({ source, text, origin }));
  // A page with no heading nor structured title that labels its item's name says its title there, when its
  // <title> does not hold that name: such a <title> names the shop. (One that holds it is the fuller title:
  // the labelled row is then a spec table's model name.)
  const labelledName =
    !sel.title && !post.title && !ld.title && !md.title && !state.title && !og.title && !h1 && mentionsNameLabel(bodyText()) ? labelledTitle(page) : undefined;
  const labelled = labelledName && !candidates.some((c) => comparable(c.text).includes(comparable(labelledName))) ? labelledName : undefined;
  // The site's selector, a post's first line or a labelled name is the title; otherwise the sources' agreement.
  let title =
    candidates[0] && (candidates[0].origin === 'selector' || candidates[0].origin === 'post')
      ? candidates[0]
      : labelled
        ? { source: 'heading' as const, text: labelled, origin: 'labelled-name' }
        : chooseTitle(candidates);
  // Where the title stands on the page: prices and sellers are read near it.
  const titleElement = h1 && title && sameText(page.$(h1).text(), title.text, 0.3) ? h1 : (shown?.element ?? h1);

  const found = findMainContent(page, titleElement, title?.text);
  // A block of the listing's facts (price, place, seller, badges) is no description: a photo-only ad has none.
  const inSection = page.noiseSections();
  const main =
    found &&
    isFactsBlock(
      elementText(found.element, (el) => inSection.has(el) || page.excluded(el)),
      title?.text,
    )
      ? null
      : found;
  const usable = (d: string | undefined) => (d && !isBoilerplate(d, title?.text, names) ? d : undefined);
  let bodyKeyOnce: string | undefined;
  const bodyKey = () => (bodyKeyOnce ??= comparable(bodyText()));
  const summary = usable(og.description) && !isUnshownSiteNaming(page, og.description!, title?.text, bodyKey) ? og.description : undefined;
  const summaryOrMain = summary && main && summaryGivesWay(page, summary, main.text, title?.text, bodyKey) ? undefined : summary;
  const ldDescription = usable(ld.description);
  const ldOrMain = ldDescription && main && isUnshownSiteLine(page, ldDescription, main.text, title?.text, bodyKey) ? undefined : ldDescription;
  const description = first<string>(
    [sel.description, 'selector'],
    [leadsFullText(ldOrMain, main?.text), 'json-ld'],
    [leadsFullText(usable(md.description), main?.text), 'microdata'],
    [state.description, 'page-state'],
    [post.description, 'text'],
    [summaryOrMain, 'opengraph'],
    [main?.text, 'main-content'],
  );

  const isShell = looksLikeShell(page, bodyText, description !== undefined || (main?.text.length ?? 0) >= 100);
  // A shell's <title> is the app's, not the listing's.
  if (isShell && title?.origin === 'title-tag') title = chooseTitle(candidates.filter((c) => c.origin !== 'title-tag'));
  // A post whose page names only the site and the poster (a Weibo post): its first line is its title, as a Telegram post's is.
  if (!title && main) {
    const line = firstLine(main.element);
    if (line) title = { source: 'main-content', text: line, origin: 'first-line' };
  }

  // A selector's price text stands even when it holds no amount ("面议"): nothing else is mixed in.
  const price = sel.priceText
    ? first<Price>([sel.price, 'selector'])
    : first<Price>(
        // A post's price is in its own words; the page around it is other posts.
        [ld.price, 'json-ld'],
        [md.price, 'microdata'],
        [og.price, 'opengraph'],
        [state.price, 'page-state'],
        [priceInText(post.description, page.region), 'text'],
        [() => findPriceInPage(page, titleElement, bodyText), 'text'],
        [() => priceInText(title?.text, page.region), 'text'],
        [() => priceInText(description?.value, page.region), 'text'],
      );
  const seller = first<string>(
    [sel.seller, 'selector'],
    [ld.seller, 'json-ld'],
    [md.seller, 'microdata'],
    [state.seller, 'page-state'],
    [post.seller, 'text'],
    [() => findSeller(page, titleElement), 'text'],
  );
  const images = first<string[]>([sel.images, 'selector'], [ld.images, 'json-ld'], [md.images, 'microdata'], [og.images, 'opengraph']);

  const fieldSources = {
    ...(title ? { title: title.source } : {}),
    ...(description ? { description: description.source } : {}),
    ...(price || sel.priceText ? { price: sel.priceText ? 'selector' : price!.source } : {}),
    ...(seller ? { seller: seller.source } : {}),
    ...(images ? { images: images.source } : {}),
  } as ExtractedListing['fieldSources'];
  return {
    title: title?.text ?? null,
    description: cleanText(description?.value) ?? null,
    price: sel.priceText ?? price?.value.text ?? null,
    priceAmount: price?.value.amount ?? null,
    currency: price?.value.currency ?? null,
    priceUnit: price?.value.unit ?? null,
    seller: seller?.value ?? null,
    images: absoluteImages(images?.value ?? [], pageUrl),
    fieldSources,
    sources: [...new Set(Object.values(fieldSources))],
    isShell,
  };
}

// A <title> with a site's template words and this many letters and digits has room for an item's name besides them.
const MIN_SEO_TITLE_KEY = 60;
// A first line this long is a post's subject; a longer one is its prose.
const MAX_FIRST_LINE = 120;
const MAX_LEADING_FIGURES = 3;
const MAX_FIGURE_LINE = 12;
/** A short line with a digit: an amount, a count or a rating beside a title, not one. */
const isFigureLine = (line: string) => line.length <= MAX_FIGURE_LINE && /\d/.test(line);

/** The first line of a block's text (past its headings: "Description" is no subject), when more lines follow it and it is short enough to be a subject. */
function firstLine(el: Element): string | undefined {
  const lines = elementText(el, (c) => isNoise(c) || /^h[1-6]$/.test(c.name))
    .split('\n')
    .map((l) => cleanText(l))
    .filter((l): l is string => Boolean(l));
  // A price, a count or a rating set above the title ("¥12.9券后", "已拼10万+件", "4.9") is no subject.
  let first = 0;
  while (first < MAX_LEADING_FIGURES && first < lines.length - 1 && isFigureLine(lines[first]!)) first++;
  const line = lines[first];
  return line && lines.length > first + 1 && line.length >= 4 && line.length <= MAX_FIRST_LINE ? line : undefined;
}

// A structured description this short is a shop's summary line beside the price, not its full text.
const MAX_SHORT_SUMMARY = 200;

/**
 * A shop's structured description (JSON-LD, microdata) is often its short summary beside the price
 * (PrestaShop's description-short, a WooCommerce excerpt), while the page's main content is the full
 * description under a tab: then the summary leads the full text, which would otherwise be lost. A
 * summary the main content holds, or one as long as it, stands alone.
 */
function leadsFullText(structured: string | undefined, mainText: string | undefined): string | undefined {
  if (!structured || !mainText || structured.length >= MAX_SHORT_SUMMARY || mainText.length < 2 * structured.length) return structured;
  const key = comparable(structured).slice(0, 40);
  return comparable(mainText).includes(key) ? structured : `${structured}\n${mainText}`;
}

/**
 * Whether a fetched page must be rendered to be read: it is a shell, or it gave neither a title nor a
 * description. A page that holds its text is never rendered because one field is missing.
 */
export function lacksListingText(l: ExtractedListing): boolean {
  return l.isShell || (!l.title && !l.description);
}

function absoluteImages(urls: readonly string[], pageUrl: string): string[] {
  const absolute = (u: string) => {
    try {
      return new URL(u, pageUrl).href;
    } catch {
      return null;
    }
  };
  return [...new Set(urls.map(absolute).filter((u): u is string => u !== null && /^https?:/.test(u)))].slice(0, 50);
}
