import type { AnyNode, Element } from 'domhandler';
import { isNoise } from './noise.js';

// Elements that break a line: their text is not run into the next element's.
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Whether an element starts a new line of text. */
export const isBlock = (el: Element) => BLOCK.has(el.name);

/**
 * The text an element shows, as lines: descendants that are noise (scripts, buttons, hidden parts,
 * nested reviews or ads) are left out, block elements start a new line, inline ones run on. With
 * `splitAdjacent`, an inline element right after another (no text between them) starts a line too:
 * a card's "<span>Anna</span><span>Private seller</span>" is two lines that styles set apart, where
 * a price's "<span>¥</span><span>2380</span>" must run on (so only readers of names ask it).
 */
export function elementText(el: Element, skip: (el: Element) => boolean = isNoise, splitAdjacent = false): string {
  const out: string[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      out.push((node as unknown as { data: string }).data);
      return;
    }
    if (node.type !== 'tag') return;
    const child = node as Element;
    if (skip(child)) return;
    const block = BLOCK.has(child.name);
    if (block || (splitAdjacent && child.prev?.type === 'tag')) out.push('\n');
    for (const c of child.children) walk(c);
    if (block) out.push('\n');
  };
  for (const c of el.children) walk(c);
  return out
    .join('')
    .replace(/[ \t\f\v\u00a0\u3000]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** Whether an element's raw text (whitespace included) is longer than `limit`: counting stops there, so a big block costs little. */
export function textLengthOver(el: Element, limit: number): boolean {
  return countText(el, 0, limit) > limit;
}

// A plain recursive function, not a closure: it runs for most elements of a page.
function countText(node: Element, n: number, stop: number): number {
  for (const c of node.children) {
    if (c.type === 'text') n += (c as unknown as { data: string }).data.length;
    else if (c.type === 'tag') n = countText(c as Element, n, stop);
    if (n > stop) return n;
  }
  return n;
}

/**
 * Whether the text an element shows (elementText with `skip`, then cleanText) is surely longer than
 * `limit`. Counts only characters that no clean-up removes (not whitespace, icon glyphs, invisible
 * marks, surrogates) and stops past `limit`, so asking it of a large block costs little where
 * reading the block's text first would walk all of it: readers that want a short text (a price's
 * box, a seller's card) ask this first.
 */
export function shownTextOver(el: Element, limit: number, skip: (el: Element) => boolean = isNoise): boolean {
  return countShown(el, 0, limit, skip) > limit;
}

function countShown(node: Element, n: number, stop: number, skip: (el: Element) => boolean): number {
  for (const c of node.children) {
    if (c.type === 'text') {
      const data = (c as unknown as { data: string }).data;
      for (let i = 0; i < data.length && n <= stop; i++) if (kept(data.charCodeAt(i))) n++;
    } else if (c.type === 'tag' && !skip(c as Element)) n = countShown(c as Element, n, stop, skip);
    if (n > stop) return n;
  }
  return n;
}

/** Whether a UTF-16 code unit survives cleanText: not whitespace, private use, invisible, nor half of a pair. */
function kept(code: number): boolean {
  if (code <= 0x20) return false;
  if (code < 0x80) return true;
  if (code === 0xa0 || code === 0x1680 || code === 0x3000 || code === 0xfeff) return false;
  if (code >= 0x2000 && code <= 0x206f) return !(code <= 0x200f || (code >= 0x2028 && code <= 0x202f) || code === 0x205f || code >= 0x2060);
  return !(code >= 0xd800 && code <= 0xf8ff);
}
