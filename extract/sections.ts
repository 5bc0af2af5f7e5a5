import type { AnyNode, Element } from 'domhandler';
import type { CheerioAPI } from 'cheerio/slim';
import { NOISE_HEADING } from './noise.js';
import { cleanText } from './text.js';

/**
 * Sections that open with a heading like "Customer reviews", "Similar Ads" or 猜你喜欢: other
 * people's words or other items, whatever their (often hashed) class names say. The heading's
 * parent is skipped when the heading opens it; otherwise the heading and what follows it.
 */
export function noiseSections($: CheerioAPI, elements: readonly Element[]): Set<AnyNode> {
  const skipped = new Set<AnyNode>();
  const headings = new Set(elements.filter((el) => /^h[2-5]$/.test(el.name) || el.attribs.role === 'heading'));
  // Sites also title a strip with a plain <div>: one whose own words are such a heading.
  for (const el of elements) {
    const words = ownWords(el);
    if (words.length > 0 && words.length <= 30 && NOISE_HEADING.test(words)) headings.add(el);
  }
  for (const h of headings) {
    const text = cleanText($(h).text()) ?? '';
    if (text.length > 60 || !NOISE_HEADING.test(text)) continue;
    const parent = h.parent as Element | null;
    const first = parent?.children.find((c) => c.type === 'tag');
    if (parent && first === h && parent.name !== 'body' && parent.name !== 'main') skipped.add(parent);
    else for (let n: AnyNode | null = h; n; n = n.nextSibling) skipped.add(n);
  }
  return skipped;
}

function ownWords(el: Element): string {
  let out = '';
  for (const c of el.children) if (c.type === 'text') out += (c as unknown as { data: string }).data;
  return out.trim();
}
