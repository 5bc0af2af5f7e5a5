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
 * nested reviews or ads) are left out, block elements start a new line, inline ones run on.
 */
export function elementText(el: Element, skip: (el: Element) => boolean = isNoise): string {
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
    if (block) out.push('\n');
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
