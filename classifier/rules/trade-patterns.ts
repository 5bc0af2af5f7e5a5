/**
 * Trade signals that are patterns rather than words, read from the base view (digits and
 * punctuation intact). Each returns the base-text ranges it matched.
 */
export type TradePatternId = 'unit-price' | 'bulk-quantity' | 'contact-id' | 'price' | 'count';

const NUM = String.raw`(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十半几]+)`;
const MONEY = String.raw`(?:元|块|毛|角|分钱|刀|rmb|¥|￥|u|usdt|\$|美元|美金|dollars?|bucks?|euros?|€|£|btc)`;
const UNIT_ZH = String.raw`(?:张|套|份|个|条|组|部|位|人|段|例|版)`;
const UNIT_EN = String.raw`(?:pcs?|pieces?|photos?|pics?|selfies?|sets?|faces?|packs?|accounts?|videos?|ids?|images?|profiles?|records?|kits?|heads?|persons?|people|docs?|items?)`;

/**
 * What a text must hold for a pattern to match at all, so a text without it skips the pattern's scan:
 * an ASCII digit; a digit or a Chinese numeral; a Chinese numeral; a handle's @ or t.me/.
 */
type Needs = 'digit' | 'number' | 'numeral' | 'handle';

const PATTERNS: ReadonlyArray<readonly [TradePatternId, RegExp, Needs]> = [
  // 0.5元/张, 五毛一张, 2块一套, ¥0.5一张, $2 each, €2.50 per selfie, 3u/套
  ['unit-price', new RegExp(String.raw`(?:[¥￥$€£]\s*)?${NUM}\s*${MONEY}?\s*(?:/|一|每|per|each|a|an|ea)\s*${UNIT_ZH}`, 'g'), 'number'],
  ['unit-price', new RegExp(String.raw`(?:[¥￥$€£]\s*${NUM}|${NUM}\s*${MONEY})\s*(?:/\s*|per\s+|each\s*|a\s+|an\s+|ea\b)${UNIT_EN}?`, 'g'), 'number'],
  ['unit-price', /(?:每|一)(?:张|套|份|个)\s*\d+(?:\.\d+)?\s*(?:元|块|毛)?/g, 'digit'],
  // 两万套, 1w张, 5000+ photos, 10k faces, 三千组
  [
    'bulk-quantity',
    new RegExp(
      String.raw`(?:\d+(?:\.\d+)?\s*(?:w|万|k|千|百)\+?|[一二两三四五六七八九十几数百千]+[万千]\+?|\d{3,}\+?)\s*(?:多)?\s*(?:${UNIT_ZH}|${UNIT_EN}\b)`,
      'g',
    ),
    'number',
  ],
  // QQ / WeChat ids, Telegram links and handles
  ['contact-id', /(?:qq|扣扣|q|vx|wx|微信|v)\s*[:：]?\s*\d{5,11}/g, 'digit'],
  ['contact-id', /(?:t\.me\/|@)[a-z0-9_]{4,}/g, 'handle'],
  // QQ numbers spelled in Chinese digits (三九二 零七 六六 八一) to slip past digit filters
  ['contact-id', /[零〇一二三四五六七八九](?:\s*[零〇一二三四五六七八九]){5,10}/g, 'numeral'],
  // A large count however written: 65,512, 1.3M, 6-9k, 1.8万 (thousands of people or photos).
  ['count', /(?<![\d.,$¥￥€£])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*(?:k|m|w|万|千)(?![a-z]))/g, 'digit'],
  // A low price: the trade sells single items for cents to a few yuan.
  ['price', /(?:^|[^\d.])(?:0\.\d+|[1-9](?:\.\d+)?)\s*(?:元|块|毛|rmb)(?![\d])/g, 'digit'],
];

export interface PatternHit {
  readonly id: TradePatternId;
  /** Base-text range [start, end). */
  readonly start: number;
  readonly end: number;
}

// Chinese numerals any pattern reads (NUM's, the bulk quantities' and the spelled QQ numbers' together).
const NUMERALS = new Set([...'零〇一二两三四五六七八九十半几数百千万'].map((c) => c.charCodeAt(0)));

/** Which of a pattern's needs the text meets, read in one pass (most texts have no digit, many no numeral). */
function needsMet(base: string): Record<Needs, boolean> {
  let digit = false;
  let numeral = false;
  for (let i = 0; i < base.length && !(digit && numeral); i++) {
    const c = base.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digit = true;
    else if (c >= 0x3007 && NUMERALS.has(c)) numeral = true;
  }
  return { digit, numeral, number: digit || numeral, handle: base.includes('@') || base.includes('t.me/') };
}

export function findTradePatterns(base: string): PatternHit[] {
  const hits: PatternHit[] = [];
  const met = needsMet(base);
  for (const [id, re, needs] of PATTERNS) {
    // A pattern that cannot match finds nothing: its scan is skipped.
    if (!met[needs]) continue;
    re.lastIndex = 0;
    for (let m = re.exec(base); m !== null; m = re.exec(base)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const lead = m[0].length - m[0].trimStart().length;
      hits.push({ id, start: m.index + lead, end: m.index + m[0].length });
    }
  }
  return hits;
}
