import { currencyOf } from './currency.js';
import { chineseNumber } from './chinese-number.js';

/** A price read from text: the amount as data beside the words the page used. */
export interface Price {
  /** The money expression as the page wrote it ("US $12.99", "0.5元/张", "180万"). */
  readonly text: string;
  /** Decimal string without grouping: "1234.56", "1800000", "0.5". The low end of a range. */
  readonly amount: string;
  /** ISO 4217 when the symbol and the page's region tell it, else the symbol; null when none is written. */
  readonly currency: string | null;
  /** What one price buys, when stated: 张, 套, 份, each, set, month… */
  readonly unit: string | null;
  /** Whether a currency symbol or word was written (a bare number in a price element has none). */
  readonly marked: boolean;
}

const PREFIX = String.raw`(?<![A-Za-z])(?:US\s?\$|NT\s?\$|HK\$|CA?\$|AU?\$|S\$|R\$|MX\$|\$|€|£|¥|￥|₩|₹|₽|₴|₺|₫|฿|₱|₸|₦|₵|Rs\.?|RM|Rp|[Kk]r\.?(?=\s?\d)|USDT|USDC|BTC|XMR|LTC|ETH|USD|EUR|GBP|CNY|RMB|JPY|TWD|NTD|HKD|INR|PKR|PLN|CHF|AUD|CAD|SGD|BRL|MXN|SEK|NOK|DKK|CZK|RON|TRY|AED|UAH|RUB|KRW|NGN|KES|ZAR|人民币|人民幣)`;
const SUFFIX = String.raw`(?:\$|元|块|塊|圆|圓|円|원|€|£|zł|zl|PLN|lei|RON|лв\.?|Kč|kr|₽|руб\.?|грн\.?|₴|₺|TL|USD|EUR|GBP|CNY|RMB|JPY|TWD|NTD|HKD|CHF|INR|PKR|SEK|NOK|DKK|CZK|AUD|CAD|BRL|[Ee]uros?|[Dd]ollars?|USDT|USDC|BTC|XMR|LTC|ETH|[Uu]|đ|₫|บาท|ريال|ر\.س|دينار|د\.ك|درهم|د\.إ|جنيه|刀|美元|美金|港币|港幣|日元|台币|台幣|新台币|新臺幣|新台幣)(?![A-Za-z])`;
// Grouped (1,234.56 / 1.234,56 / 1 234,56), Indian lakh grouping (1,28,000), or plain (1234.5); the
// grouping separator must be followed by exactly three digits (two in a lakh group). A number under one
// has no grouping, however many decimals it has ("0.6400 BTC" is not "0.640" and a stray "0").
const NUMBER = String.raw`(?<![\d.,])(?:0[.,]\d+|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[,.\u00a0\u202f\u2009' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)`;
// A thousands "k" is a letter on its own: not the K of "Kč" or "Kr" (accented and Cyrillic letters included).
const MAGNITUDE = String.raw`(?:万|萬|亿|億|千|[kK](?![A-Za-zÀ-ɏЀ-ӿ]))`;
const UNIT_WORDS = String.raw`张|張|套|份|个|個|条|條|件|组|組|部|次|片|本|人|天|月|年|平米|㎡|m²|photos?|pics?|pieces?|pcs?|sets?|items?|units?|each|month|mo`;
const UNIT = String.raw`(?:\s*(?:/|／|每|一|per\s+|a\s+|each\s+)\s*(?<unit>${UNIT_WORDS})(?![A-Za-z]))?(?<each>\s+(?:each|ea\.?)(?![A-Za-z]))?`;
const RANGE = String.raw`(?:\s*(?:-|–|—|~|～|至|到|to)\s*(?:${PREFIX})?\s*(?<high>${NUMBER})\s*(?:${MAGNITUDE})?)?`;

const MONEY = new RegExp(
  String.raw`(?<pre>${PREFIX})?\s?(?<num>${NUMBER})(?<dash>[.,][-–—])?(?:\s?(?<mag>${MAGNITUDE}))?(?:\s?(?<suf>${SUFFIX}))?(?<jiao>(?<=[块塊])[0-9一二三四五六七八九](?![0-9张張套份个個条條件]))?${RANGE}(?:\s?(?<suf2>${SUFFIX}))?${UNIT}`,
  'g',
);
// 五毛一张, 三块五, 两元 — prices written in Chinese numerals.
const CHINESE_MONEY = new RegExp(
  String.raw`(?<num>[零〇一二两三四五六七八九十百千万]+)\s?(?<suf>块|塊|元|毛|角)(?<jiao>(?<=[块塊元])[一二三四五六七八九](?![十百千万块塊元毛角张張套份个個条條件]))?${UNIT}`,
  'g',
);

const MAGNITUDES: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 千: 1e3, k: 1e3, K: 1e3 };
const UNIT_NAMES: Record<string, string> = {
  張: '张',
  個: '个',
  條: '条',
  組: '组',
  '㎡': '平米',
  'm²': '平米',
  mo: 'month',
  pcs: 'piece',
  pc: 'piece',
  ea: 'each',
};

/**
 * A written number in any of the common groupings: `1,234.56`, `1.234,56`, `1 234,56`, `20,-`. A
 * lone separator followed by exactly three digits groups thousands (`51,500`, `1.500`); followed by
 * one or two it is the decimal point.
 */
export function parseNumber(written: string): number | null {
  const s = written.replace(/[\s\u00a0\u202f\u2009']/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    normal = s.split(grouping).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const tail = parts[parts.length - 1]!;
    const grouping = parts.length > 2 || (tail.length === 3 && parts[0] !== '0');
    normal = grouping ? parts.join('') : `${parts[0]}.${tail}`;
  } else normal = s;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** An amount as a decimal string, at most two decimals (eight for one under a cent, as crypto is priced): 0.5 → "0.5", 1800000 → "1800000", 0.002 → "0.002". */
export function decimalString(n: number): string {
  if (n !== 0 && Math.abs(n) < 0.005) return n.toFixed(8).replace(/\.?0+$/, '');
  return (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
}

export interface PriceOptions {
  /** The page's region (currencyOf): which $, ¥ or 元 is meant. */
  readonly region?: string | null;
}

/**
 * Every money expression in a text, in order. With `bare`, numbers without a currency count too
 * (the text is known to be a price: a price element, a structured-data field).
 */
// Arabic-Indic and Persian digits (٢٥٠٠, ۲۵۰۰) and the Arabic decimal and thousands marks, as Western ones.
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g;
const westernDigit = (c: string) => {
  const code = c.charCodeAt(0);
  if (code === 0x066b) return '.';
  if (code === 0x066c) return ',';
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
};

export function findPrices(written: string, options: PriceOptions & { bare?: boolean } = {}): Price[] {
  // (One character for one: what is found is given in the text as written, at the same place.)
  const text = written.replace(EASTERN_DIGITS, westernDigit);
  const region = options.region ?? null;
  const found: { at: number; price: Price }[] = [];
  for (const m of text.matchAll(MONEY)) {
    const g = m.groups!;
    // "21% OFF", "-30 %": a share, not an amount.
    if (!g.pre && !g.suf && !g.suf2 && /^\s?[%％]/.test(text.slice(m.index + m[0].length))) continue;
    let n = parseNumber(g.num!);
    if (n === null) continue;
    const magnitude = g.mag ? MAGNITUDES[g.mag]! : 1;
    n *= magnitude;
    if (g.jiao) n += (/\d/.test(g.jiao) ? Number(g.jiao) : chineseNumber(g.jiao)!) / 10;
    const symbol = g.pre?.replace(/\s/g, '') ?? g.suf ?? g.suf2 ?? (g.mag && /[万萬亿億]/.test(g.mag) ? g.mag : undefined);
    const marked = Boolean(g.pre ?? g.suf ?? g.suf2);
    if (!marked && !options.bare && !(g.mag && /[万萬亿億]/.test(g.mag) && g.unit)) continue;
    found.push({ at: m.index, price: make(written.slice(m.index, m.index + m[0].length), n, symbol, g, region, marked) });
  }
  for (const m of text.matchAll(CHINESE_MONEY)) {
    const g = m.groups!;
    const whole = chineseNumber(g.num!);
    // 一块 / 两块 alone is a measure word ("一块手表", a watch), not one yuan.
    if (whole === null || (/[块塊]/.test(g.suf!) && whole <= 2 && !g.jiao && !g.unit)) continue;
    const tenths = g.jiao ? chineseNumber(g.jiao)! / 10 : 0;
    const n = g.suf === '毛' || g.suf === '角' ? whole / 10 : whole + tenths;
    found.push({ at: m.index, price: make(written.slice(m.index, m.index + m[0].length), n, g.suf!, g, region, true) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.price);
}

function make(text: string, n: number, symbol: string | undefined, g: Record<string, string | undefined>, region: string | null, marked: boolean): Price {
  const unitWord = g.unit ?? (g.each ? 'each' : undefined);
  const unit = unitWord ? (UNIT_NAMES[unitWord] ?? unitWord.toLowerCase().replace(/s$/, '')) : null;
  return { text: text.trim(), amount: decimalString(n), currency: symbol ? currencyOf(symbol, region) : null, unit, marked };
}

/**
 * The price a text states: the first expression with a currency (or 万/亿), else, when `bare`, the
 * first number. "180万 45000元/平米" is 1800000; "Only 3 left — $5" is 5.
 */
export function parsePrice(text: string, options: PriceOptions & { bare?: boolean } = {}): Price | null {
  const all = findPrices(text, { ...options, bare: true });
  const marked = all.find((p) => p.marked || /[万萬亿億]/.test(p.text));
  if (marked) return marked;
  return options.bare ? (all[0] ?? null) : null;
}
