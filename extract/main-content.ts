import type { Element } from 'domhandler';
import { elementText, isBlock } from './element-text.js';
import { nameWeight } from './noise.js';
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

interface Stats {
  index: number;
  last: number;
  chars: number;
  linkChars: number;
  score: number;
  /** What the element's names say (noise.ts). */
  name: number;
}

const MIN_PARAGRAPH = 25;
const MIN_TEXT = 20;
// nameWeight gives 25 for a name that says description or detail, 10 for a looser one.
const NAMED_DESCRIPTION = 25;
// The prose score (one paragraph of a few clauses) an element needs for a loose name to count.
const MIN_PROSE_FOR_NAME = 5;
// Han, kana and hangul say in one character what Latin says in about two.
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const PUNCTUATION = /[,，、。；;!！?？]/g;
const LABEL_LINE =
  /^(item |product )?(description|details|specifics|overview|about this item|about this product|商品描述|商品详情|商品介绍|商品說明|商品介紹|宝贝详情|宝贝描述|详情|描述|詳情|說明|详细信息|详细介绍|房源描述|房源介绍|Beschreibung|Artikelbeschreibung|Descripción|Descrição|Opis|Descrizione|Omschrijving)\s*[:：]?\s*/i;

const NOT_PROSE = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'button', 'th', 'dt', 'title']);
const weighted = (s: string) => s.length + (s.match(DENSE)?.length ?? 0);

export function findMainContent(page: Page, titleElement?: Element, title?: string): MainContent | null {
  const body = page.tags('body')[0] ?? page.$.root().get(0);
  if (!body) return null;
  const sections = page.noiseSections();
  const skip = (el: Element) => sections.has(el) || page.excluded(el);
  const stats = new Map<Element, Stats>();
  let counter = 0;
  // Whether the page has any prose at all: when it has none, names alone tell where its few words are.
  let prose = false;

  // One pass, children before parents: text and link text per element, and prose scores passed up.
  const walk = (el: Element, inLink: boolean): { chars: number; links: number; own: number } => {
    const s: Stats = { index: counter++, last: 0, chars: 0, linkChars: 0, score: 0, name: nameWeight(el) };
    stats.set(el, s);
    let own = 0;
    let ownText = '';
    for (const child of el.children) {
      if (child.type === 'text') {
        const data = (child as unknown as { data: string }).data;
        const n = weighted(data.trim());
        s.chars += n;
        own += n;
        ownText += data;
        if (inLink) s.linkChars += n;
      } else if (child.type === 'tag' && !skip(child as Element)) {
        const c = child as Element;
        const r = walk(c, inLink || c.name === 'a');
        s.chars += r.chars;
        s.linkChars += r.links;
        // Inline children (a, b, span…) are part of this block's own prose.
        if (!isBlock(c)) {
          own += r.chars;
          ownText += ' ';
        }
      }
    }
    s.last = counter - 1;
    // Prose is a block's own words: not a link's, a heading's or a button's.
    if (own >= MIN_PARAGRAPH && !inLink && !NOT_PROSE.has(el.name)) {
      const score = 1 + Math.min(10, (ownText.match(PUNCTUATION)?.length ?? 0) + 1) + Math.min(3, Math.floor(own / 100));
      s.score += score;
      prose = true;
      let up = el.parent as Element | null;
      for (let level = 0; up && up.type === 'tag' && level < 3; level++, up = up.parent as Element | null) {
        // Ancestors were recorded on the way down.
        const ancestor = stats.get(up);
        if (ancestor) ancestor.score += score / (level === 0 ? 1 : level * 2);
      }
    }
    return { chars: s.chars, links: s.linkChars, own };
  };
  walk(body as Element, false);

  const t = titleElement ? stats.get(titleElement) : undefined;
  let best: { el: Element; score: number } | null = null;
  for (const [el, s] of stats) {
    if (s.chars < MIN_TEXT || el === body) continue;
    // A name that says description counts always; a loose one ("card-body", "info") only for an element
    // with prose of its own, or a seller's card of short lines outscores the listing's text.
    const loose = s.name > 0 && s.name < NAMED_DESCRIPTION && s.score < MIN_PROSE_FOR_NAME && prose;
    const named = loose ? s.score : s.score + s.name;
    const score = named * (1 - s.linkChars / s.chars) * nearTitle(s, t);
    if (score > 0 && (!best || score > best.score)) best = { el, score };
  }
  if (!best) return null;
  const text = withoutLead(cleanText(elementText(best.el, skip)) ?? '', title);
  return text.length >= MIN_TEXT / 2 ? { element: best.el, text } : null;
}

/** Blocks soon after the title are the listing's; above it are menus, far below it other things. */
function nearTitle(s: Stats, title: Stats | undefined): number {
  if (!title) return 1;
  if (s.index <= title.index && s.last >= title.last) return 0.9;
  if (s.index > title.last) return 1 + 0.5 * Math.max(0, 1 - (s.index - title.last) / 300);
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
