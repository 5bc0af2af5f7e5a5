/**
 * Text clean-up shared by every extraction source. No DOM and no Node built-ins here: the extension
 * bundles this module.
 */

/** Longest text kept for one field: a listing is never longer, a page's whole text often is. */
export const MAX_FIELD_CHARS = 20_000;

// Private-use code points are icon-font glyphs (a heart, a cart): noise in a title or a name.
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;
// Zero-width and direction marks that pages sprinkle between words.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** One line: whitespace collapsed, icon glyphs and invisible marks gone, at most MAX_FIELD_CHARS. */
export function cleanText(s: string | null | undefined): string | undefined {
  const t = s?.replace(PRIVATE_USE, '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, MAX_FIELD_CHARS) : undefined;
}

/** Like cleanText, but line breaks stay (a post's first line is its title). */
export function cleanLines(s: string | null | undefined): string | undefined {
  const t = s
    ?.replace(PRIVATE_USE, '')
    .replace(INVISIBLE, '')
    .split(/\r?\n|\r|\u2028/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return t ? t.slice(0, MAX_FIELD_CHARS) : undefined;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Strings from JSON-LD are often HTML written into JSON: `&quot;`, `&#8217;`, `<br>`. Decoded and
 * de-tagged here (as text: nothing is ever rendered), so they read like the page shows them.
 */
export function decodeHtmlText(s: string): string {
  if (!/[&<]/.test(s)) return s;
  const untagged = s.replace(/<br\s*\/?>|<\/p>|<\/li>|<\/div>/gi, '\n').replace(/<\/?[a-z][^>]*>/gi, '');
  // Twice: "&amp;quot;" is a common double-escape.
  let out = untagged;
  for (let i = 0; i < 2; i++) {
    out = out.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
      if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
      return NAMED_ENTITIES[lower] ?? whole;
    });
  }
  return out;
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** A comparison key: NFKC, lower case, letters and digits only (punctuation and spaces go). */
export function comparable(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether `a` and `b` say the same thing: one holds the other, and the shorter is not a mere fragment. */
export function sameText(a: string, b: string, minShare = 0.5): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length >= Math.max(2, long.length * minShare);
}
