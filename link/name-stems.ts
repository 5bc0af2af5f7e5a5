import { pinyin } from 'pinyin-pro';
import { foldText } from './fold-text.js';
import { GENERIC_WORDS } from './handle-rules.js';

/**
 * The part of a display name that names one seller across sites: "u/verifypro_sales", "VerifyPro Kits"
 * and "Verify Pro" all carry "verifypro"; "synthface_dev" and "SynthFace Labs" carry "synthface". A
 * seller keeps its brand and changes the suffix (sales, kits, labs, 旗舰店) from site to site.
 * Stems are the whole name without separators and its first word, each only when it is long enough
 * to be a brand: 6+ Latin letters/digits with 3+ distinct, or 4+ Han characters. Short names and
 * honorifics (李老师, 小王, Kay) are shared by strangers and give no stem. A stem never links alone:
 * kin-links.ts also asks for text alike and no conflicting contact.
 */

// Words that are shop types or roles, not a brand: "studio", "official store".
const NAME_WORDS = new Set([
  'official',
  'seller',
  'sellers',
  'studio',
  'store',
  'shop',
  'market',
  'verified',
  'trading',
  'global',
  'online',
  'deals',
  'supply',
  'supplies',
  'services',
  // Placeholders a site shows for an account it hides: on many accounts, nobody's brand.
  'deleted',
  'anonymous',
  'unknown',
  'guest',
  // Words of the trade itself, which strangers put first in their names: "Passport Docs", "Identity Hub".
  'passport',
  'document',
  'documents',
  'identity',
  'wholesale',
  'premium',
  'trusted',
  'account',
  'accounts',
]);

// Han placeholders: 闲鱼用户, 匿名用户, 会员8812 are a site's default names, not a brand.
const HAN_PLACEHOLDER = /用户|匿名|会员|游客|网友|买家|卖家/u;

// The same for Han names, at the end: 松鼠影像工作室 on one site is 松鼠影像旗舰店 on another.
const HAN_SHOP_SUFFIX = /(?:官方)?(?:旗舰店|专卖店|专营店|工作室|小店|店铺|店)$/u;

const SEPARATOR = /[\s_\-.·|/\\,，、:：()（）[\]【】]+/u;
const HAN = /\p{Script=Han}/u;

function brand(stem: string): boolean {
  if (HAN.test(stem)) return Array.from(stem).filter((ch) => HAN.test(ch)).length >= 4 && !HAN_PLACEHOLDER.test(stem);
  return /^[a-z][a-z0-9]{5,}$/.test(stem) && new Set(stem).size >= 3 && !GENERIC_WORDS.has(stem) && !NAME_WORDS.has(stem);
}

/** Only letters, digits and Han: emoji and symbols in names ("小脸猫🐱") are decoration. */
const keep = (word: string) => word.replace(NOT_KEPT, '');
const NOT_KEPT = /[^a-z0-9\p{Script=Han}]/gu;

// Where a name written in camel case changes word: "SwapStudioGZ" is Swap Studio GZ, "GZFace" GZ Face.
const CAMEL_BREAK = /(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g;
/** Leading words joined, at most this many: a brand is its first words, not the tail of a long name. */
const LEADING_WORDS = 4;

/**
 * Brand stems of a display name (folded: full-width, case, traditional → simplified). Besides the whole
 * name and its long first word, its leading words joined ("Lumen Print Kits" → lumenprint): a seller
 * adds a region or a shop word after the brand ("LumenPrintHK", "Lumen Print Studio" and "lumenprint"
 * are one), unless the first word is itself a shop or trade word ("Studio 9", "Passport Docs").
 */
export function nameStems(seller: string | null | undefined): string[] {
  if (!seller) return [];
  const folded = foldText(seller.replace(CAMEL_BREAK, ' '))
    .trim()
    .replace(/^(?:u\/|@)/, '');
  const every = folded
    .split(SEPARATOR)
    .map((w) => keep(w).replace(HAN_SHOP_SUFFIX, ''))
    .filter((w) => w !== '');
  const words = every.filter((w) => !NAME_WORDS.has(w));
  if (words.length === 0) return [];
  // The first word alone only when long (8+ letters, or 4+ Han): "Verify Pro" gives verifypro, not "verify".
  const first = words[0]!;
  const firstStems = words.length > 1 && (HAN.test(first) || first.length >= 8) ? [first] : [];
  const leading: string[] = [];
  if (!NAME_WORDS.has(every[0]!)) for (let k = 2; k <= Math.min(every.length, LEADING_WORDS); k++) leading.push(every.slice(0, k).join(''));
  return [...new Set([words.join(''), ...firstStems, ...leading])].filter(brand);
}

// Han pairs that name a kind of shop, a role or a placeholder, not one seller: 小店, 工作室, 老师, 用户.
const HAN_PAIR_WORDS = new Set(
  '小店 店铺 旗舰 舰店 专卖 卖店 专营 营店 工作 作室 官方 用户 匿名 会员 游客 网友 买家 卖家 老师 资料 数据 代过 代办 科技 数码 商行 贸易'.split(' '),
);

/**
 * Pieces of a display name that two accounts of one seller may share when the name has no brand
 * stem: each pair of neighbouring Han characters ("宏达" of 宏达科技 and 宏达数码, "老周" of 老周动画)
 * and its pinyin (laozhou), and each Latin run of 4+ letters, shop words, roles and trade words left out.
 * Strangers share such pieces often: a piece is never evidence alone (cluster-relists.ts asks text
 * alike to two listings of the other's cluster too).
 */
export function namePieces(seller: string | null | undefined): string[] {
  if (!seller) return [];
  const folded = foldText(seller);
  const pieces = new Set<string>();
  for (const run of folded.match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = `${chars[i]}${chars[i + 1]}`;
      if (HAN_PAIR_WORDS.has(pair) || HAN_PLACEHOLDER.test(pair)) continue;
      pieces.add(pair);
      // Its pinyin too, as the seller writes the name on a Latin-only site: 老周 ~ laozhou.
      pieces.add(pinyin(pair, { toneType: 'none', type: 'array', v: true }).join(''));
    }
  }
  for (const run of folded.match(/[a-z]{4,}/g) ?? []) if (!NAME_WORDS.has(run) && !GENERIC_WORDS.has(run)) pieces.add(run);
  return [...pieces];
}
