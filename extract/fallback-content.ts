import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

/**
 * What a page shows a reader without scripts or frames: `<noscript>` and `<noframes>` blocks. A page
 * fetched as curl or a crawler gets it may be an empty app root or a frameset, with the listing (title,
 * price, seller, text) written only into such a fallback for browsers that cannot run the app. Where
 * the rest of the body shows next to nothing, the fallback is what the page shows, so it is read in
 * place (it becomes a <div>). Elsewhere it stays out: on a page that shows its listing, a <noscript> is a
 * tracking pixel or "Please enable JavaScript".
 */

// Past this much shown text outside the fallbacks, the page shows its own listing.
const MAX_SHOWN_OUTSIDE = 200;
// A fallback with less text than this is a notice ("Enable JavaScript to continue"), not a listing.
const MIN_FALLBACK_TEXT = 80;
const FALLBACK = new Set(['noscript', 'noframes']);
const UNSHOWN = new Set(['script', 'style', 'template', 'noscript', 'noframes', 'head', 'title']);

/** Whether the HTML has a fallback block at all (a cheap test before any walk). */
export const hasFallbackContent = (html: string): boolean => /<no(script|frames)\b/i.test(html);

/** Characters of text under the nodes, outside unshown elements; the fallbacks met are collected. */
function shownChars(nodes: readonly AnyNode[], fallbacks: Element[]): number {
  let n = 0;
  for (const c of nodes) {
    if (c.type === 'text') n += (c as unknown as { data: string }).data.trim().length;
    else if (c.type === 'tag') {
      const el = c as Element;
      if (FALLBACK.has(el.name)) fallbacks.push(el);
      else if (!UNSHOWN.has(el.name)) n += shownChars(el.children, fallbacks);
    }
  }
  return n;
}

/** Reads a script-less page's fallback blocks in place: they become <div>s when the page shows nothing else. */
export function readFallbackContent($: CheerioAPI): void {
  const fallbacks: Element[] = [];
  if (shownChars($.root().get(0)?.children ?? [], fallbacks) > MAX_SHOWN_OUTSIDE) return;
  for (const el of fallbacks) {
    if ($(el).text().replace(/\s+/g, ' ').trim().length < MIN_FALLBACK_TEXT) continue;
    // A parser that took the fallback as raw text (parse5 with scripting on) left its markup unparsed.
    const only = el.children.length === 1 && el.children[0]!.type === 'text' ? (el.children[0] as unknown as { data: string }).data : null;
    if (only && /<[a-z]/i.test(only)) $(el).html(only);
    el.attribs['data-fallback'] = el.name;
    el.name = 'div';
  }
}
