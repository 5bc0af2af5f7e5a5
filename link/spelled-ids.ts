import { pinyin } from 'pinyin-pro';
import { lineHandle, telegramHandle, wechatHandle } from './handle-rules.js';
import type { ContactHandle } from './types.js';

/**
 * Ids told as a riddle rather than written, rewritten to the id before cue words are read (called by
 * disguises.ts undisguise on folded text). Each family needs its marker word (拼音, 奇数/偶数, a joiner
 * between two pieces of an id), so prose passes through unchanged:
 *  - "“活化”的拼音+下划线+studio", "琪琪的拼音_face柒": the pinyin of the quoted word (huohua, qiqi), or
 *    the answer in brackets after it ("阿辉嘅粤拼（ah fai）": Cantonese, which no pinyin reading gives);
 *  - "奇数1到9，再偶数2到8，最后一个0": odd or even digits of a range (13579, 2468);
 *  - "facelab 然后下划线 再 八八", "the word kyc followed by depot": pieces of one id said one after the
 *    other with "then" (然后, 再, 最后, "followed by") between them; the joiner is dropped only between two pieces of an id.
 */

// "“活化”的拼音", "琪琪的拼音": the word, quoted, or unquoted after a non-Han character (a whole run of
// Han before 的拼音 would take in "名字是"), then 拼音/全拼. Not in brackets: "shou chi _ zp（手持拼音）"
// only says what the letters before it are.
const PINYIN_RIDDLE = /(?:["“「『](\p{Script=Han}{1,6})["”」』]|(?<![\p{Script=Han}(（])((?:(?!的)\p{Script=Han}){1,4}))\s*的?\s*(?:全拼|拼音)(首字母|缩写)?/gu;

// "薇信号是拼音飞侠+3d": 拼音 said first, then the word. Only after 是/为/a colon or space (a word before
// 拼音 is the riddle above), and not a joiner word ("拼音加下划线").
const PINYIN_FIRST = /(?<=[是为:：\s]|^)(?:全拼|拼音)\s*[:：]?\s*["“「『]?((?!加|再|然后)\p{Script=Han}{1,4}?)["”」』]?(?=[^\p{Script=Han}]|$)/gu;

/** "活化" → huohua; with `initials` (拼音首字母, "光影证件照" → gyzjz), the first letters only. */
function pinyinOf(word: string, initials: boolean): string {
  // ü is written v in ids (lv, nv), as on a pinyin keyboard.
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true });
  return (initials ? syllables.map((s) => s.slice(0, 1)) : syllables).join('');
}

// "奇数1到9", "1到9的奇数": the odd digits from 1 to 9. 单数/双数 are the everyday words for odd/even.
const PARITY_RANGE = /(奇数|单数|偶数|双数)\s*(?:从)?\s*(\d)\s*(?:到|至|~|-)\s*(\d)/g;
const RANGE_PARITY = /(?:从)?(\d)\s*(?:到|至|~|-)\s*(\d)\s*(?:里|中)?的?\s*(奇数|单数|偶数|双数)/g;

function parityDigits(kind: string, from: number, to: number): string {
  const odd = kind === '奇数' || kind === '单数';
  let out = '';
  for (let d = from; d <= to; d++) if (d % 2 === (odd ? 1 : 0)) out += String(d);
  return out;
}

// An id piece ends in a letter, digit or '_'; the next begins with one, or with a Chinese numeral.
const PIECE_END = '[a-z0-9_]';
const PIECE_START = '[a-z0-9_〇零一幺壹二贰两三叁四肆五伍六陆七柒八捌九玖]';
// A cue word on either side is no piece: "先加tg 再加vx" names two apps.
const CUE_WORD = '(?:vx|wx|tg|qq|wa|v|q)';
// No bare "then" (English prose: "message me on telegram then pay"); "followed by" is rare outside a spelled id.
const JOINER = new RegExp(
  `(?<=${PIECE_END})(?<!(?:^|[^a-z0-9_])${CUE_WORD})[\\s,，、]*(?:然后(?:是|再)?|再加上?|再接|加上|接着|后面?(?:加上?|跟|接)|最后(?:一个|一位|是)?|再|followed by|加(?=_)|(?<=_)加|(?<=[a-z0-9])加(?=[a-z0-9]))[\\s,，、]*(?=${PIECE_START})(?!${CUE_WORD}(?![a-z0-9_]))`,
  'gu',
);
// A bare 加 joins only beside an underscore ("huohua加_再加studio") or pressed between two pieces
// ("feixia加3d", a sum of letters): elsewhere it is 加V, add me ("face88 加v", "扫码加我").
// 后面 alone is no joiner here: "前面 shou，后面 chi_zp" is read whole by disguises.ts ID_HALVES.
const JOINER_WORD = /然后|再|加|接|跟|最后|followed by/;
// "yuehua_后面加今年年份（2025）", "kenji_ followed by my birth year (1990)": the next piece described in
// words, its value given in brackets after them. The description is dropped and the value kept, for
// JOINER to join. Only after a piece and a "then add" joiner (a bare 加 is 加V), and not when the words
// name an app (再加微信（face88）is a second contact, not a piece).
const DESCRIBED_PIECE = new RegExp(
  `(?<=${PIECE_END}\\s*(?:后面?加上?|再加上?|然后(?:再)?加上?|加上|followed by))\\s*(?:(?![微薇威维信扣企鹅飞机电报赖])\\p{Script=Han}){2,10}\\s*[(（]\\s*([a-z0-9_]{1,12})\\s*[)）]|(?<=${PIECE_END}\\s*followed by)\\s+(?:(?!wechat|telegram|line|whatsapp)[a-z]+\\s+){1,4}\\(\\s*([a-z0-9_]{1,12})\\s*\\)`,
  'gu',
);
// "the word kyc", "the letters k-y-c": a filler before the piece it introduces.
const PIECE_FILLER = /\bthe (?:word|letters)\s+(?=[a-z0-9])/g;

// "阿辉嘅粤拼（ah fai）", "小美的英文名（may）": a word described as its romanisation, the answer given in
// brackets after it; the answer is the piece (pinyin-pro reads Mandarin only: Cantonese 阿辉 is "ah fai").
const ANSWERED_ROMANISATION =
  /["“「『]?\p{Script=Han}{1,6}["”」』]?\s*(?:嘅|的)?\s*(?:粤拼|拼音|全拼|英文名?|罗马拼音)\s*[(（]\s*([a-z][a-z ]{0,20}[a-z])\s*[)）]/gu;

/** Folded text with riddled ids rewritten (length may change; callers only read handles from it). */
export function spellOutIds(folded: string): string {
  let text = folded;
  if (/拼|英文/.test(text)) text = text.replace(ANSWERED_ROMANISATION, (_, answer: string) => ` ${answer.replace(/\s+/g, '')}`);
  if (text.includes('拼')) text = text.replace(PINYIN_FIRST, (_, word: string) => pinyinOf(word, false));
  if (text.includes('拼'))
    text = text.replace(PINYIN_RIDDLE, (_, quoted: string | undefined, bare: string | undefined, initials: string | undefined) =>
      pinyinOf(quoted ?? bare ?? '', initials !== undefined),
    );
  if (/[奇偶单双]数/.test(text)) {
    text = text.replace(PARITY_RANGE, (_, kind: string, a: string, b: string) => parityDigits(kind, Number(a), Number(b)));
    text = text.replace(RANGE_PARITY, (_, a: string, b: string, kind: string) => parityDigits(kind, Number(a), Number(b)));
  }
  if (/the (?:word|letters)/.test(text)) text = text.replace(PIECE_FILLER, '');
  if (/[(（]/.test(text) && JOINER_WORD.test(text)) text = text.replace(DESCRIBED_PIECE, (_, han?: string, latin?: string) => ` ${han ?? latin ?? ''}`);
  return JOINER_WORD.test(text) ? text.replace(JOINER, '') : text;
}

// "k y c d e p o t on the blue paper-plane app", "f-a-c-e-8-8 on wechat": five or more single letters or
// digits, one separator (the same each time) apart, then the app it is on. A spelled-out run with no app
// after it is more often a trade word dodging a filter ("s e l f i e s", "z f b w x" for Alipay and
// WeChat) than an id, and as an id-less alias it would tie every seller who spells that word.
const SPELLED_ON_APP =
  /(?<![a-z0-9_])([a-z]([ .·*-])[a-z0-9_](?:\2[a-z0-9_]){3,18})(?![a-z0-9_])\s+on\s+(?:the\s+)?(?:[a-z]+\s+)?(paper[- ]?plane|telegram|tg|wechat|weixin|line)\b/g;

/** Ids spelled out letter by letter and followed by the app they are on. */
export function spelledOnApp(folded: string): ContactHandle[] {
  const out: ContactHandle[] = [];
  if (!folded.includes(' on ')) return out;
  for (const m of folded.matchAll(SPELLED_ON_APP)) {
    const id = m[1]!.split(m[2]!).join('');
    const app = m[3]!;
    const h = app === 'wechat' || app === 'weixin' ? wechatHandle(id, m[0]) : app === 'line' ? lineHandle(id, m[0]) : telegramHandle(id, m[0]);
    if (h) out.push(h);
  }
  return out;
}
