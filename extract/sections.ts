import type { AnyNode, Element } from 'domhandler';
import type { CheerioAPI } from 'cheerio/slim';
import { NOISE_HEADING } from './noise.js';
import { cleanText, comparable } from './text.js';

/**
 * Sections that open with a heading like "Customer reviews", "Similar Ads" or 猜你喜欢: other
 * people's words or other items, whatever their (often hashed) class names say. The heading's
 * parent is skipped when the heading opens it; otherwise the heading and what follows it. Also
 * cookie banners that no name gives away (utility classes only): see consentBanners.
 */
export function noiseSections($: CheerioAPI, elements: readonly Element[], siteNames: readonly string[] = []): Set<AnyNode> {
  const skipped = new Set<AnyNode>();
  const headings = new Set(elements.filter((el) => /^h[2-5]$/.test(el.name) || el.attribs.role === 'heading'));
  const isNoiseHeading = (text: string) => NOISE_HEADING.test(text) || aboutTheSite(text, siteNames);
  // Sites also title a strip with a plain <div>: one whose own words are such a heading.
  for (const el of elements) {
    const words = ownWords(el);
    if (words.length > 0 && words.length <= 30 && isNoiseHeading(words)) headings.add(el);
  }
  for (const b of consentBanners($, elements)) skipped.add(b);
  for (const h of headings) {
    const text = cleanText($(h).text()) ?? '';
    if (text.length > 60 || !isNoiseHeading(text)) continue;
    const parent = h.parent as Element | null;
    const first = parent?.children.find((c) => c.type === 'tag');
    if (parent && first === h && parent.name !== 'body' && parent.name !== 'main') skipped.add(parent);
    else for (let n: AnyNode | null = h; n; n = n.nextSibling) skipped.add(n);
  }
  return skipped;
}

const ABOUT = /^(about|über|acerca de|sobre|à propos de|chi siamo|o nas|关于|關於)\s*(.+)$/i;

/**
 * "About Oakhollow" over a shop's own page: the shop or site telling its story, the same under every
 * item. ("About this item" names no site: it stays.)
 */
export function aboutTheSite(text: string, siteNames: readonly string[]): boolean {
  const rest = ABOUT.exec(text.trim())?.[2];
  if (!rest) return false;
  const key = comparable(rest);
  return (
    key.length >= 4 &&
    siteNames.some((n) => {
      const name = comparable(n);
      return name.length >= 4 && (name.startsWith(key) || key.startsWith(name));
    })
  );
}

function ownWords(el: Element): string {
  let out = '';
  for (const c of el.children) if (c.type === 'text') out += (c as unknown as { data: string }).data;
  return out.trim();
}

// The button that closes a cookie banner, in the languages of the sites read.
const ACCEPT =
  /^(accept( all)?( cookies)?|allow( all)?( cookies)?|i agree|agree|got it|ok(, got it)?|aceptar( todo| todas)?|aceitar( todos)?|alle akzeptieren|akzeptieren|tout accepter|accepter|accetta( tutto)?|accepteren|zgadzam się|akceptuję|принять( все)?|согласен|同意|接受|我知道了|同意する|동의)$/i;
const COOKIES = /cookie|クッキー|куки/i;
// A banner is a paragraph or two and its buttons; a block longer than this is more than the banner.
const MAX_BANNER_CHARS = 1500;

/**
 * Cookie banners whose names say nothing (a `fixed bottom-0 z-50` box): the nearest block around an
 * accept button ("Accept all", Aceitar, 同意) whose words speak of cookies.
 */
function consentBanners($: CheerioAPI, elements: readonly Element[]): Element[] {
  const out: Element[] = [];
  for (const el of elements) {
    // (Buttons, and links that lead nowhere: a page's hundreds of real links are not read.)
    const button = el.name === 'button' || el.attribs.role === 'button' || (el.name === 'a' && !/^(https?:|\/)/.test(el.attribs.href ?? ''));
    if (!button) continue;
    const words = cleanText($(el).text()) ?? '';
    if (words.length > 20 || !ACCEPT.test(words)) continue;
    for (
      let p = el.parent as Element | null, i = 0;
      p && p.type === 'tag' && i < 3 && p.name !== 'body' && p.name !== 'main';
      p = p.parent as Element | null, i++
    ) {
      const text = $(p).text();
      if (text.length > MAX_BANNER_CHARS) break;
      if (COOKIES.test(text)) {
        out.push(p);
        break;
      }
    }
  }
  return out;
}
