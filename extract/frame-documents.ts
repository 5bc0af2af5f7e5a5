import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

/**
 * Frames whose document a saving tool wrote into the page (`<iframe srcdoc="…">`): SingleFile and
 * "save complete" keep a seller's description that eBay or AliExpress shows in a frame this way.
 * The frame's text was shown in place, so it is read in place: the frame becomes a <div> holding
 * its document's body, with the frame's class, id and title (its names still tell readers what it
 * is: an ad frame in an "ads" box stays out). Frames with only a `src` hold nothing to read.
 */

// Frames inside frames are written one level of escaping deeper each; past this depth they are left out.
const MAX_DEPTH = 2;
// A frame document larger than this is not a description (a saved app): it stays out.
const MAX_FRAME_CHARS = 200_000;
const KEPT_ATTRIBUTES = ['class', 'id', 'title'] as const;

/** Whether the HTML has a frame with a written-in document (a cheap test before any query). */
export const hasFrameDocuments = (html: string): boolean => html.includes('srcdoc');

/** The `<iframe srcdoc>` elements under the nodes: a plain walk, several times cheaper than a selector query over the page. */
function framesIn(nodes: readonly AnyNode[], out: Element[]): Element[] {
  for (const n of nodes) {
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'iframe') {
      if (el.attribs.srcdoc !== undefined) out.push(el);
    } else framesIn(el.children, out);
  }
  return out;
}

/** The first <body> among the nodes (a frame's document parsed whole), if any. */
function bodyIn(nodes: readonly AnyNode[]): Element | undefined {
  for (const n of nodes) {
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'body') return el;
    const inner = bodyIn(el.children);
    if (inner) return inner;
  }
  return undefined;
}

/** Replaces each `<iframe srcdoc>` of a parsed page with a <div> of its document's body. */
export function inlineFrameDocuments($: CheerioAPI): void {
  inlineIn($, $.root().get(0)?.children ?? [], 0);
}

function inlineIn($: CheerioAPI, nodes: readonly AnyNode[], depth: number): void {
  for (const frame of framesIn(nodes, [])) {
    const doc = frame.attribs.srcdoc ?? '';
    if (doc.length > MAX_FRAME_CHARS) continue;
    // Parsed by the page's own parser (no second cheerio instance), without the frame's scripts.
    const parsed = $.parseHTML(doc, null, false) ?? [];
    const body = bodyIn(parsed);
    const children = body ? body.children : parsed.filter((n) => !(n.type === 'tag' && (n as Element).name === 'head'));
    if (depth + 1 < MAX_DEPTH && hasFrameDocuments(doc)) inlineIn($, children, depth + 1);
    const attribs: Record<string, string> = { 'data-frame-document': '' };
    for (const a of KEPT_ATTRIBUTES) if (frame.attribs[a] !== undefined) attribs[a] = frame.attribs[a];
    // The frame element becomes the <div> in place: its siblings and parent stay as they were.
    frame.name = 'div';
    frame.attribs = attribs;
    frame.children = [...children];
    for (const child of frame.children) child.parent = frame;
  }
}
