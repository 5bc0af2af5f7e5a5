import { digitOf, foldText, type ValueRule } from './fold-text.js';
import { kakaoHandle, lineHandle, phoneHandle, qqHandle, telegramHandle, wechatHandle } from './handle-rules.js';
import type { ContactHandle } from './types.js';

/**
 * The cue words a contact is given after (加V, 扣扣, 飞机, WhatsApp, 카톡, واتساب …), in every language
 * and disguise met, with how the value after each is read: one table, so a new market's word for an app
 * is added here and nowhere else. contact-handles.ts builds its cue pattern from it.
 */

const ID_RULE: ValueRule = { accept: (ch) => (/^[a-z0-9_-]$/.test(ch) ? ch : undefined), maxLength: 32, numeric: false };
const TG_RULE: ValueRule = { accept: (ch) => (/^[a-z0-9_]$/.test(ch) ? ch : undefined), maxLength: 32, numeric: false };
const DIGIT_RULE: ValueRule = { accept: digitOf, maxLength: 16, numeric: true };
// An id or a number, whichever follows: each digit disguise (①, ⁵, 五) read as its digit.
const ID_OR_DIGITS_RULE: ValueRule = { accept: (ch) => ID_RULE.accept(ch) ?? digitOf(ch), maxLength: 32, numeric: false };

type Reader = (value: string, raw: string) => ContactHandle | null;

// Cue words after folding (lower case, simplified). Latin cues must stand alone (CUE in contact-handles.ts).
// ambiguous: the cue is an everyday word too (AMBIGUOUS_CUE_VALUE in contact-handles.ts).
export const CUES: ReadonlyArray<{ words: readonly string[]; rule: ValueRule; read: Reader; ambiguous?: boolean }> = [
  {
    words: [
      '微信号',
      '微信',
      '薇信',
      '威信',
      '维信',
      '卫星',
      '位信',
      'v信',
      'wei信',
      'wechat',
      'weixin',
      'vx',
      'wx',
      // Hong Kong shorthand ("WC: ahfai852"); with its colon only, as "WC" is also a toilet.
      'wc:',
      // 加V written out further ("加 v x face88"): read as one cue, so the x is not taken for the id's first letter.
      '加vx',
      '加wx',
      '加v信',
      '加v',
      '薇',
      '威',
      '徽',
      '微',
      // 維 (folded to 维) as 薇/威 are: "維：id"; 维修, 纤维 put a word, not an id, after it.
      '维',
      'v',
      '❤',
      '♥',
      '💚',
    ],
    rule: ID_RULE,
    read: wechatHandle,
  },
  // 扣 alone ("扣：3381-229-056") and its pinyin: a word after it (扣款, 折扣) is no value, and a QQ number has 5+ digits.
  { words: ['扣扣', '抠抠', '蔻蔻', '企鹅号', '企鹅', '🐧', 'qq号', 'qq', 'q', '扣', 'koukou'], rule: DIGIT_RULE, read: qqHandle },
  {
    // Nicknames of Telegram: its paper-plane logo, and Russian "телега"/"телеграм(м)"/"тг" (folded: Cyrillic look-alikes turn Latin).
    words: [
      '纸飞机',
      '飞机',
      '电报',
      'telegram',
      'tg',
      'tele:',
      '✈',
      // Other planes drawn for the same logo (departing, small airplane).
      '🛫',
      '🛩',
      'paperplane',
      foldText('телеграм'),
      foldText('телеграмм'),
      foldText('телега'),
      foldText('тг'),
      // Korean 텔레(그램), Arabic تيليجرام/تليجرام/تلغرام and its short تلي, Persian تلگرام, Hindi टेलीग्राम.
      '텔레그램',
      '텔레',
      'تيليجرام',
      'تليجرام',
      'تلغرام',
      'تيليغرام',
      'تلي',
      'تلگرام',
      foldText('टेलीग्राम'),
    ],
    rule: TG_RULE,
    read: telegramHandle,
  },
  // LINE (Taiwan, Hong Kong, Japan, Thailand): 賴 folds to 赖, Thai ไลน์ to ไลน (the fold drops its mark).
  // "line" is an English word ("front line workers"): as a cue it needs its colon, "id" or "@".
  { words: ['加赖', '赖', 'line:', 'lineid', 'line@', foldText('ไลน์')], rule: ID_RULE, read: lineHandle },
  // "tele" without its colon: also an English word ("tele converter", "tele lens"), so its value counts
  // only when the cue is followed by ':' or '@', or the word after it is an id by its shape (a digit or '_').
  { words: ['tele'], rule: TG_RULE, read: telegramHandle, ambiguous: true },
  // KakaoTalk (Korea): 카톡, 카카오(톡), its open chat (오픈채팅), and the Latin names.
  { words: ['카카오톡', '카카오', '카톡', '오픈채팅', '오픈톡', 'kakaotalk', 'kakao', 'katalk'], rule: ID_RULE, read: kakaoHandle },
  {
    // "the green app", 绿泡泡 (green bubbles), 绿色的软件 / 綠色嗰個app (the green one): WeChat's and WhatsApp's green icons named to dodge the
    // app filter. A number after it is a phone (a WhatsApp line, or the number a WeChat is found by),
    // letters an id (one key across WeChat/Telegram/LINE, linkKey).
    words: ['greenapp', '绿泡泡', '绿色软件', '绿色的软件', '绿色app', '绿色的app', foldText('綠色嗰個app'), foldText('綠色嘅app')],
    rule: ID_OR_DIGITS_RULE,
    read: (value, raw) => (/^\d+$/.test(value) ? phoneHandle(value, false, raw) : wechatHandle(value, raw)),
  },
  {
    // A WhatsApp number is a phone number: "WA 同号" sellers give one number for both. Signal, Viber
    // and Zalo find their users by phone number too; ватсап/вацап and вайбер are their Russian names.
    words: [
      '手机号',
      '手机',
      '电话',
      '联系电话',
      'tel',
      'phone',
      'call',
      'whatsapp',
      // "whats" and the Indonesian/Malay spellings of WhatsApp as said (wasap, wassap, watsap).
      'whats',
      'wasap',
      'wassap',
      'watsap',
      'wa',
      'signal',
      'viber',
      'zalo',
      // Zalo as Vietnamese spell it out ("za lô").
      'zalô',
      // Vietnamese số điện thoại and Thai โทร(ศัพท์) before a number.
      'sđt',
      'đt',
      'điệnthoại',
      foldText('โทร'),
      // Arabic واتساب/واتس and جوال ("mobile"); Persian واتساپ, شماره تماس / تماس ("contact number"),
      // تلفن, موبایل (not شماره alone: "number" of an order too); Hindi व्हाट्सएप, फ़ोन; Korean 전화, 문자 ("text me"), 휴대폰.
      'واتساب',
      'وتساب',
      'واتس',
      'جوال',
      'واتساپ',
      'شمارهتماس',
      'تماس',
      'تلفن',
      'موبایل',
      foldText('व्हाट्सएप'),
      foldText('फ़ोन'),
      foldText('फोन'),
      '전화번호',
      '전화',
      '연락처',
      '문자',
      '휴대폰',
      foldText('ватсап'),
      foldText('вотсап'),
      foldText('вацап'),
      foldText('вайбер'),
      '☎',
      '📞',
      '📱',
      '✆',
      '☏',
    ],
    rule: DIGIT_RULE,
    read: (digits, raw) => phoneHandle(digits, false, raw),
  },
];
