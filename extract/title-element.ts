import type { Element } from 'domhandler';
import { elementText, shownTextOver, textLengthOver } from './element-text.js';
import { rawNames } from './noise.js';
import type { Page } from './page.js';
import { GENERIC_HEADING } from './title.js';
import { cleanText, comparable } from './text.js';

/**
 * The element that shows the listing's title when no <h1> does (JD's `.sku-name`, Shopee's hashed
 * `div.vR6K3w`, Craigslist's `#titletextonly`, a classifieds site whose <h1> is its logo). A page's
 * <title> and og:title carry the listing's title with the site's furniture around it ("【…】…【行情
 * 报价】-京东", "Desk - furniture - by owner - craigslist"); the page shows that title alone in
 * one element. So the title element is the one whose whole text is the longest piece of those
 * references. Without references (a <title> that is only the site's name), an element whose class
 * says title is taken instead.
 */

const MIN_KEY = 6;
const MAX_TEXT = 250;
// The longest text an element found by its class alone is taken for a title.
const MAX_NAMED = 150;
const TITLE_NAME = /title|subject|headline|heading|goods-?name|product-?name|item-?name|sku-?name|listing-?name|ad-?name|offer-?name/i;
// "section-title", "module-title", "infoBoxHeading": a section's heading is named title too, but says what the section is.
const SECTION_TITLE = /(section|module|block|card|tab|widget|sidebar|footer|header|modal|popup|seo|box)[-_]?(title|heading)/i;

export interface TitleElement {
  readonly element: Element;
  readonly text: string;
  /** Whether the page's <title> or og:title holds it (else it was found by its class alone). */
  readonly confirmed: boolean;
}

/** The element's first own text that has a letter or digit (not a child's). */
const ownWords = (el: Element): string | undefined => {
  for (const c of el.children)
    if (c.type === 'text' && /[\p{L}\p{N}]/u.test((c as unknown as { data: string }).data)) return (c as unknown as { data: string }).data;
  return undefined;
};

export function findTitleElement(page: Page, references: readonly (string | undefined)[]): TitleElement | undefined {
  const refs = references.map((r) => (r ? comparable(r) : '')).filter((r) => r.length >= MIN_KEY);
  const body = page.tags('body')[0];
  if (!body) return undefined;
  let best: { element: Element; text: string; key: string } | undefined;
  let named: TitleElement | undefined;
  // The page-part tests (furniture, others' words) are asked last: only of elements that would count.
  const usable = (el: Element) => !page.excluded(el) && !page.inOthers(el) && !page.inNoiseSection(el);
  // The most shown characters an element can have and still count: a piece of a reference (whose
  // punctuation and spaces comparable() dropped: twice its length is ample) or a named title.
  const limit = Math.min(MAX_TEXT * 3, Math.max(MAX_NAMED, ...refs.map((r) => r.length * 2 + 20)));
  page.walk(body, (el) => {
    // What is not usable holds nothing usable; only elements that hold little text can be a title: measured before the text is read.
    if (el.type !== 'tag' || !usable(el)) return false;
    const words = ownWords(el);
    if (words === undefined || textLengthOver(el, MAX_TEXT * 3) || shownTextOver(el, limit)) return true;
    // A piece of a reference holds each of its own texts: one that no reference holds rules the
    // element out before its whole text is read, unless its class may name it a title.
    const mayBeNamed = !named && TITLE_NAME.test(rawNames(el));
    if (!mayBeNamed && refs.length > 0) {
      const part = comparable(words);
      if (!refs.some((r) => r.includes(part))) return true;
    }
    const text = cleanText(elementText(el));
    if (!text) return true;
    const key = comparable(text);
    if (key.length < MIN_KEY) return true;
    const contained = refs.some((r) => r.includes(key) && key.length >= r.length * 0.3);
    if (contained && (!best || key.length > best.key.length)) best = { element: el, text, key };
    if (mayBeNamed && !contained && !SECTION_TITLE.test(rawNames(el)) && text.length <= MAX_NAMED && !GENERIC_HEADING.test(text))
      named = { element: el, text, confirmed: false };
    return true;
  });
  return best ? { element: best.element, text: best.text, confirmed: true } : named;
}
