import type { Element } from 'domhandler';
import { elementText, isBlock } from './element-text.js';
import { isHidden, nameWeight } from './noise.js';
import type { Page } from './page.js';
import { cleanText, comparable } from './text.js';

/**
 * The listing's own block of text, found the way readability-style extractors find an article:
 * blocks of prose score by their length and punctuation, and pass their score up to the elements
 * that hold them (fully to the parent, half to the grandparent), so the winner is the element that
 * gathers the most prose, less its share of link text. Unlike an article page, a listing page has
 * reviews, "related" strips and policy notes that outweigh the listing's few lines, so: blocks the
 * page names as such, or that open with such a heading, are skipped (noise.ts); an element whose
 * class says description or detail scores more; and blocks soon after the listing's title score
 * more than those far below it or above it.
 *
 * Not @mozilla/readability: it needs a DOM (jsdom or linkedom in Node; the extension reads pages in a
 * service worker, which has none), and on listing pages it keeps what this file leaves out.
 */

export interface MainContent {
  readonly element: Element;
  /** Its text, one line, without the title it may start with or a "Description" label. */
  readonly text: string;
}

/**
 * Per element, by its place in document order: its place in this reader's walk (which skips noise),
 * the place of its last descendant walked, its text and link text (dense scripts counted double),
 * the prose score passed up to it, and what its names say (noise.ts). Typed arrays, not an object
 * per element in a Map: a page has tens of thousands of elements, each object one more for the
 * garbage collector.
 */
interface Stats {
  readonly index: Int32Array;
  readonly last: Int32Array;
  readonly chars: Float64Array;
  readonly linkChars: Float64Array;
  readonly score: Float64Array;
  readonly name: Int8Array;
}

const MIN_PARAGRAPH = 25;
const MIN_TEXT = 20;
// nameWeight gives 25 for a name that says description or detail, 10 for a looser one.
const NAMED_DESCRIPTION = 25;
// The prose score (one paragraph of a few clauses) an element needs for a loose name to count.
const MIN_PROSE_FOR_NAME = 5;
// A name adds at most this many times the prose score under it: its full 25 to a paragraph of a few
// clauses, little to a table of values; and nothing to a line shorter than a sentence.
const NAME_PER_PROSE_POINT = 5;
const MIN_NAMED_CHARS = 50;
// Han, kana and hangul say in one character what Latin says in about two.
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const PUNCTUATION = /[,，、。；;!！?？]/g;
const LABEL_LINE =
  /^(item |product )?(description|details|specifics|overview|about this item|about this product|商品描述|商品详情|商品介绍|商品說明|商品介紹|宝贝详情|宝贝描述|详情|描述|詳情|說明|详细信息|详细介绍|房源描述|房源介绍|Beschreibung|Artikelbeschreibung|Descripción|Descrição|Opis|Descrizione|Omschrijving|Описание|Açıklama|Beskrivning|Beskrivelse|Kuvaus|Popis|Leírás|Descriere|商品の説明|商品説明)\s*[:：]?\s*/i;

const NOT_PROSE = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'button', 'th', 'dt', 'title']);
const weighted = (s: string) => s.length + (s.match(DENSE)?.length ?? 0);

// A row of a spec list this long or shorter may be "Label: value" data rather than prose.
const MAX_FIELD_ROW = 150;
// A label is a few words without a sentence's punctuation ("Condition:", "Цвет:", 房屋类型：), not a clause
// that ends in a colon ("雙人分享套餐包含：", "家电齐全：" after a comma).
const LABEL_START = /^\s*[^:：\n，,。；;、！!？?]{1,24}[:：]/;
const MAX_HAN_LABEL = 6;
// A value is data: short, no sentence in it ("HEAVY-DUTY FRAME: Each tier holds 33 lbs." is a feature bullet's prose).
const MAX_VALUE = 80;
const SENTENCE_END = /[.!?。！？](\s|$)/;

/**
 * Whether a short block is a "Label: value" row of a spec list ("<li><span>Цвет:</span> серый</li>",
 * "Features: Adjustable Arms, Swivel, Tilt"): data, however many commas its value holds, not the
 * listing's prose. Rows of such lists otherwise outscore the description beside them when they
 * share a container.
 */
function isFieldRow(el: Element): boolean {
  if (el.children.some((c) => c.type === 'tag' && isBlock(c as Element))) return false;
  const text = elementText(el);
  const label = LABEL_START.exec(text);
  if (!label || (label[0].match(DENSE)?.length ?? 0) > MAX_HAN_LABEL) return false;
  const value = text.slice(label[0].length).trim();
  return weighted(value) <= MAX_VALUE && !SENTENCE_END.test(value);
}

/**
 * Whether an element is the value of a spec row labelled other than "Description" or the seller's notes (<dt>Condition</dt>
 * <dd>Pre-owned: An item that has been used…</dd>, <th>Warranty</th><td>…</td>): the site's definition
 * of a fact, however long, not the seller's prose. A row labelled "Description" is the listing's text.
 */
function isSpecValue(el: Element): boolean {
  if (el.name !== 'dd' && el.name !== 'td') return false;
  let label = el.prev;
  while (label && label.type !== 'tag') label = label.prev;
  const l = label as Element | null;
  if (!l || (el.name === 'dd' ? l.name !== 'dt' : l.name !== 'th')) return false;
  const text = cleanText(elementText(l)) ?? '';
  return text.length > 0 && !LABEL_LINE.test(text) && !OWN_WORDS_LABEL.test(text);
}

// Rows whose value is the seller's own words, however a spec table labels them ("Seller Notes", 备注).
const OWN_WORDS_LABEL = /\b(notes?|remarks?|comments?|anmerkungen?|bemerkungen?|notas?|observa[cç](ões|iones|ion|ão)|remarques?)\b|备注|備註|说明|說明|備考/i;

export function findMainContent(page: Page, titleElement?: Element, title?: string): MainContent | null {
  const body = page.tags('body')[0] ?? page.$.root().get(0);
  if (!body) return null;
  const sections = page.noiseSections();
  const skip = (el: Element) => sections.has(el) || page.excluded(el);
  // One slot per element, by its place in document order; one more for a page without <body>, read from its root.
  const size = page.elements().length;
  const slot = (el: Element) => (el === body ? bodyAt : page.order(el));
  const bodyAt = page.order(body as Element) >= 0 ? page.order(body as Element) : size;
  const st: Stats = {
    index: new Int32Array(size + 1),
    last: new Int32Array(size + 1),
    chars: new Float64Array(size + 1),
    linkChars: new Float64Array(size + 1),
    score: new Float64Array(size + 1),
    name: new Int8Array(size + 1),
  };
  const seen = new Uint8Array(size + 1);
  const titleKey = title ? comparable(title) : '';
  // The title, or the most of it (a buy box may give the item's name without the seller's additions).
  const repeatsTitle = (text: string) => {
    if (titleKey.length === 0 || text.length > title!.length * 2) return false;
    const key = comparable(text);
    return key.length >= titleKey.length / 2 && titleKey.includes(key);
  };
  // The elements walked, in the walk's order, by their slots.
  const walked: number[] = [];
  let counter = 0;
  // Whether the page has any prose at all: when it has none, names alone tell where its few words are.
  let prose = false;

  // One pass, children before parents: text and link text per element, and prose scores passed up.
  const walk = (el: Element, inLink: boolean): { chars: number; links: number; own: number } => {
    const at = slot(el);
    walked.push(at);
    seen[at] = 1;
    st.index[at] = counter++;
    st.name[at] = nameWeight(el);
    let chars = 0;
    let linkChars = 0;
    let own = 0;
    let ownText = '';
    for (const child of el.children) {
      if (child.type === 'text') {
        const data = (child as unknown as { data: string }).data;
        const n = weighted(data.trim());
        chars += n;
        own += n;
        ownText += data;
        if (inLink) linkChars += n;
      } else if (child.type === 'tag' && !skip(child as Element)) {
        const c = child as Element;
        const r = walk(c, inLink || c.name === 'a');
        chars += r.chars;
        linkChars += r.links;
        // Inline children (a, b, span…) are part of this block's own prose.
        if (!isBlock(c)) {
          own += r.chars;
          ownText += ' ';
        }
      }
    }
    st.chars[at] = chars;
    st.linkChars[at] = linkChars;
    st.last[at] = counter - 1;
    // Prose is a block's own words: not a link's, a heading's or a button's, nor the title said again
    // (a buy box repeats the item's name over its price: that line is no description).
    if (own >= MIN_PARAGRAPH && !inLink && !NOT_PROSE.has(el.name) && !(own <= MAX_FIELD_ROW && isFieldRow(el)) && !isSpecValue(el) && !repeatsTitle(ownText)) {
      const score = 1 + Math.min(10, (ownText.match(PUNCTUATION)?.length ?? 0) + 1) + Math.min(3, Math.floor(own / 100));
      st.score[at] = st.score[at]! + score;
      prose = true;
      let up = el.parent as Element | null;
      for (let level = 0; up && up.type === 'tag' && level < 3; level++, up = up.parent as Element | null) {
        // Ancestors were walked on the way down (the body's own parent was not).
        const u = slot(up);
        if (u >= 0 && seen[u] === 1) st.score[u] = st.score[u]! + score / (level === 0 ? 1 : level * 2);
      }
    }
    return { chars, links: linkChars, own };
  };
  walk(body as Element, false);

  const t = titleElement ? slot(titleElement) : -1;
  // (The title counts only where this walk reached it.)
  const titlePlace = t >= 0 && seen[t] === 1 ? { index: st.index[t]!, last: st.last[t]! } : undefined;
  let best: { el: Element; score: number } | null = null;
  const all = page.elements();
  for (const at of walked) {
    const chars = st.chars[at]!;
    if (chars < MIN_TEXT || at === bodyAt) continue;
    const score0 = st.score[at]!;
    const name = st.name[at]!;
    // A loose name ("card-body", "info") counts only for an element with prose of its own, or a seller's
    // card of short lines outscores the listing's text.
    const loose = name > 0 && name < NAMED_DESCRIPTION && score0 < MIN_PROSE_FOR_NAME && prose;
    // A strong name speaks for the prose under it, not for a table or a line: Amazon's
    // "productDetails" is a table of weights and sizes, its "offer-display-feature-text-message" a
    // returns line in the buy box.
    const bonus = name > 0 && prose ? (chars < MIN_NAMED_CHARS ? 0 : Math.min(name, score0 * NAME_PER_PROSE_POINT)) : name;
    const named = loose ? score0 : score0 + bonus;
    const score = named * (1 - st.linkChars[at]! / chars) * nearTitle(st.index[at]!, st.last[at]!, titlePlace);
    if (score > 0 && (!best || score > best.score)) best = { el: all[at]!, score };
  }
  if (!best) return null;
  const chosen = continuedFrom(best.el, skip) ?? best.el;
  const text = withoutLead(cleanText(elementText(chosen, skip)) ?? '', title);
  return text.length >= MIN_TEXT / 2 ? { element: chosen, text } : null;
}

/**
 * The block a collapsed "read more" part continues: a description shown as its first lines with the
 * rest in a hidden sibling that a toggle opens. The hidden part is often the longer and wins the
 * scoring alone, yet the description starts in the shown lines before it, so the parent holding both
 * is the description (when a shown block with text comes before the hidden part in it).
 */
function continuedFrom(el: Element, skip: (el: Element) => boolean): Element | undefined {
  if (!isHidden(el)) return undefined;
  const parent = el.parent as Element | null;
  if (!parent || parent.type !== 'tag' || parent.name === 'body') return undefined;
  for (let s = el.prev; s; s = s.prev) {
    if (s.type === 'text' && (s as unknown as { data: string }).data.trim().length >= MIN_TEXT) return parent;
    if (s.type === 'tag' && !skip(s as Element) && !isHidden(s as Element) && (cleanText(elementText(s as Element, skip))?.length ?? 0) >= MIN_TEXT)
      return parent;
  }
  return undefined;
}

/** Blocks soon after the title are the listing's; above it are menus, far below it other things. */
function nearTitle(index: number, last: number, title: { index: number; last: number } | undefined): number {
  if (!title) return 1;
  if (index <= title.index && last >= title.last) return 0.9;
  if (index > title.last) return 1 + 0.5 * Math.max(0, 1 - (index - title.last) / 300);
  return 0.75;
}

/** The text less a leading copy of the title or a "Description" label. */
function withoutLead(text: string, title: string | undefined): string {
  const key = title ? comparable(title) : '';
  let out = text;
  if (key && comparable(text.slice(0, title!.length * 2)).startsWith(key)) {
    // Walk the text until its letters and digits have spelled the title.
    let seen = 0;
    let i = 0;
    while (i < text.length && seen < key.length) seen += comparable(text[i++]!).length;
    out = text.slice(i).trim();
  }
  return out.replace(LABEL_LINE, '').trim();
}
