import { foldText } from './fold-text.js';

/**
 * The contact clause of an ad ("扣扣在简介", "TG same as my username", "微信 见主页", "email me:"):
 * what a seller rewrites whenever a handle is banned or a site filters it, and what strangers write
 * alike whatever they sell. Near-duplicate text leaves out a handle's letters already (shingles.ts); its
 * cue words and the pointer beside it are no more part of the ad, and in a short relist they are a
 * good part of its shingles ("see my profile" against "QQ = …" kept two rewordings of one ad apart).
 * A clause runs from an unambiguous cue (an app's name, a profile pointer) to the next punctuation,
 * at most CLAUSE_MAX characters: a cue inside a long unpunctuated text never blanks the rest of it.
 * Cues that are also common words (微 of 微笑, "call", "line", 手机 of 手机拍摄) are not among them.
 */

const CLAUSE_MAX = 40;

const HAN_CUES = ['微信', '薇信', 'v信', '加v', '扣扣', '企鹅号', '纸飞机', '飞机号', '电报', '电话', '邮箱', '主页', '简介', '私信'];
const LATIN_CUES = ['wechat', 'weixin', 'vx', 'wx', 'qq', 'tg', 'telegram', 'whatsapp', 'email', 'e-mail', 'mail', 'inbox', 'profile', 'bio', 'dm', 'pm'];
const CYRILLIC_CUES = ['телеграм', 'телега', 'ватсап', 'вотсап'].map(foldText);

// Folded text: lower case, simplified, Cyrillic look-alikes as Latin. One alternation, then one bounded
// class: linear whatever the input (no nested or unbounded quantifier).
const CLAUSE = new RegExp(
  `(?:${HAN_CUES.join('|')}|(?<![a-z0-9])(?:${[...LATIN_CUES, ...CYRILLIC_CUES].sort((a, b) => b.length - a.length).join('|')})(?![a-z]))` +
    `[^。！？!?；;|\\n，,]{0,${CLAUSE_MAX}}`,
  'gu',
);

/** `folded`: text as foldText gives it. Each contact clause becomes a space (a token break). */
export function withoutContactClauses(folded: string): string {
  return folded.replace(CLAUSE, ' ');
}
