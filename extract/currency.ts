/**
 * Which currency a written symbol means. Most symbols name one currency; `$`, `¥`, `元`, `Rs` and `kr`
 * name several, and only the page's region tells which (元 on a Taiwanese shop is TWD, on a mainland
 * one CNY). When the region does not tell, the symbol itself is the answer: a guess would be worse.
 */

/** Symbols and words that name exactly one currency (keys lower case). */
const FIXED: Record<string, string> = {
  us$: 'USD',
  usd: 'USD',
  nt$: 'TWD',
  ntd: 'TWD',
  twd: 'TWD',
  hk$: 'HKD',
  hkd: 'HKD',
  c$: 'CAD',
  ca$: 'CAD',
  cad: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  aud: 'AUD',
  s$: 'SGD',
  sgd: 'SGD',
  r$: 'BRL',
  brl: 'BRL',
  mx$: 'MXN',
  mxn: 'MXN',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  cny: 'CNY',
  rmb: 'CNY',
  人民币: 'CNY',
  人民幣: 'CNY',
  jpy: 'JPY',
  円: 'JPY',
  日元: 'JPY',
  日圓: 'JPY',
  '₩': 'KRW',
  원: 'KRW',
  '₦': 'NGN',
  ngn: 'NGN',
  '₵': 'GHS',
  kes: 'KES',
  zar: 'ZAR',
  krw: 'KRW',
  '₹': 'INR',
  inr: 'INR',
  pkr: 'PKR',
  lkr: 'LKR',
  '₽': 'RUB',
  руб: 'RUB',
  'руб.': 'RUB',
  rub: 'RUB',
  '₴': 'UAH',
  грн: 'UAH',
  'грн.': 'UAH',
  uah: 'UAH',
  zł: 'PLN',
  zl: 'PLN',
  pln: 'PLN',
  lei: 'RON',
  ron: 'RON',
  лв: 'BGN',
  'лв.': 'BGN',
  bgn: 'BGN',
  kč: 'CZK',
  czk: 'CZK',
  chf: 'CHF',
  '₺': 'TRY',
  tl: 'TRY',
  try: 'TRY',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  huf: 'HUF',
  '₫': 'VND',
  vnd: 'VND',
  '฿': 'THB',
  thb: 'THB',
  '₱': 'PHP',
  rm: 'MYR',
  myr: 'MYR',
  rp: 'IDR',
  idr: 'IDR',
  aed: 'AED',
  'د.إ': 'AED',
  درهم: 'AED',
  'ر.س': 'SAR',
  'د.ك': 'KWD',
  kwd: 'KWD',
  đ: 'VND',
  บาท: 'THB',
  sar: 'SAR',
  '₸': 'KZT',
  kzt: 'KZT',
  美元: 'USD',
  美金: 'USD',
  港币: 'HKD',
  港幣: 'HKD',
  台币: 'TWD',
  台幣: 'TWD',
  新台币: 'TWD',
  新臺幣: 'TWD',
  新台幣: 'TWD',
  dollar: '$',
  dollars: '$',
  // Crypto, as sellers of data price it (no ISO 4217 code exists: the ticker stands); "50U" is 50 USDT.
  usdt: 'USDT',
  u: 'USDT',
  usdc: 'USDC',
  btc: 'BTC',
  xmr: 'XMR',
  ltc: 'LTC',
  eth: 'ETH',
  // 刀 ("knife") is Chinese slang for dollars.
  刀: 'USD',
};

/** Symbols whose currency depends on the region: region → ISO code. */
const BY_REGION: Record<string, Record<string, string>> = {
  $: { US: 'USD', TW: 'TWD', HK: 'HKD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SG: 'SGD', MX: 'MXN' },
  '¥': { CN: 'CNY', JP: 'JPY', TW: 'CNY', HK: 'CNY' },
  元: { CN: 'CNY', TW: 'TWD', HK: 'HKD', MO: 'MOP', '': 'CNY' },
  rs: { IN: 'INR', PK: 'PKR', LK: 'LKR', NP: 'NPR' },
  kr: { SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK' },
};
const ALIASES: Record<string, string> = {
  '￥': '¥',
  块: '元',
  塊: '元',
  圆: '元',
  圓: '元',
  毛: '元',
  角: '元',
  万: '元',
  萬: '元',
  亿: '元',
  億: '元',
  'rs.': 'rs',
  'kr.': 'kr',
  dollar: '$',
  dollars: '$',
};

/** The currency a symbol means on a page of `region` (ISO 3166 alpha-2, or null when unknown). */
export function currencyOf(symbol: string, region: string | null): string {
  const key = symbol.toLowerCase();
  const base = ALIASES[key] ?? ALIASES[symbol] ?? key;
  const regional = BY_REGION[base];
  if (regional) return regional[region ?? ''] ?? regional[''] ?? (base === 'rs' ? 'Rs' : base);
  return FIXED[key] ?? symbol;
}

const LANG_REGION: [RegExp, string][] = [
  [/^zh[-_](tw|hant)/i, 'TW'],
  [/^zh[-_]hk/i, 'HK'],
  [/^zh[-_]mo/i, 'MO'],
  [/^zh/i, 'CN'],
  [/^ja/i, 'JP'],
  [/^ko/i, 'KR'],
  [/^en[-_]us/i, 'US'],
  [/^en[-_]gb/i, 'GB'],
  [/^en[-_]ca/i, 'CA'],
  [/^en[-_]au/i, 'AU'],
  [/^en[-_]in/i, 'IN'],
  [/^pt[-_]br/i, 'BR'],
  [/^pl/i, 'PL'],
  [/^uk/i, 'UA'],
  [/^ro/i, 'RO'],
  [/^bg/i, 'BG'],
  [/^sv/i, 'SE'],
  [/^nb|^no/i, 'NO'],
  [/^da/i, 'DK'],
  [/^ur/i, 'PK'],
];
// Characters only Traditional Chinese writes (their simplified forms differ): a page full of them is Taiwan's or Hong Kong's.
const TRADITIONAL = /[價買賣這個們說與為從點區門電號會來時裡體產務發東車長開關頁網費運]/g;

/**
 * The page's region: its host's country-code domain (pchome.com.tw), else its declared language
 * (zh-TW, ja), else Traditional characters in its text; null when none tells.
 */
export function regionOf(host: string, lang: string | undefined, sample = ''): string | null {
  const tld = /\.([a-z]{2})$/i.exec(host)?.[1]?.toUpperCase();
  if (tld && tld !== 'IO' && tld !== 'CO' && tld !== 'ME' && tld !== 'TV') return tld === 'UK' ? 'GB' : tld;
  if (lang) for (const [pattern, region] of LANG_REGION) if (pattern.test(lang.trim())) return region === 'CN' && isTraditional(sample) ? 'TW' : region;
  return isTraditional(sample) ? 'TW' : null;
}

function isTraditional(sample: string): boolean {
  return (sample.slice(0, 5000).match(TRADITIONAL)?.length ?? 0) >= 3;
}
