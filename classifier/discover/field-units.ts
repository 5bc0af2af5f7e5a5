import type { NormalizedText } from '../normalize/normalize.js';
import type { FieldFindings, HitSpan } from './read-listing.js';
import { SLOT_KINDS } from './read-listing.js';
import { isHanCode } from '../../text/index.js';
import { isChineseNumber, ZH_BAD_END, ZH_BAD_START } from './stopwords.js';
import { eachUnit, type Unit } from './units.js';

/**
 * The units of one field of an offer-like listing that could be new jargon, each with what stands
 * around it: only text no rule reads (a unit inside a known word, or cutting through one, is that
 * word), and the slots it sits in (beside a price, a document or face word, a contact, a known term).
 */

// Bits of a unit's flags: one per slot kind (SLOT_KINDS order), then where it stood.
export const IN_TITLE = 1 << 6;
export const QUOTED = 1 << 7;
export const WORD = 1 << 8;
export const BOUNDED = 1 << 9;
export const ALIGNED = 1 << 10;
export const ANY_SLOT = (1 << SLOT_KINDS.length) - 1;

/** Compact characters between a unit and a finding for the finding to be "beside" it. */
const NEAR_HAN = 8;
const NEAR_LATIN = 16;

const OPEN = new Set([...'“「『‘"\'《【[(（']);
const CLOSE = new Set([...'”」』’"\'》】])）']);

interface Cover {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly strict: Uint8Array;
}

function coverOf(length: number, spans: readonly HitSpan[]): Cover {
  const from = new Int32Array(length).fill(-1);
  const to = new Int32Array(length).fill(-1);
  const strict = new Uint8Array(length);
  for (const s of spans) {
    for (let k = s.start; k < s.end && k < length; k++) {
      from[k] = from[k] === -1 ? s.start : Math.min(from[k]!, s.start);
      to[k] = Math.max(to[k]!, s.end);
      if (s.strict) strict[k] = 1;
    }
  }
  return { from, to, strict };
}

/** No known word inside (parts and contexts aside), around, or cut through; not a known word itself. */
function isClean(c: Cover, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const f = c.from[k]!;
    if (f === -1) continue;
    if (c.strict[k] === 1 || f < start || c.to[k]! > end || (f === start && c.to[k] === end)) return false;
  }
  return true;
}

/** Whether a finding marks a slot beside the unit: close to it, not inside it. */
function isBeside(u: Unit, s: HitSpan): boolean {
  if (s.slot === null || (s.start >= u.start && s.end <= u.end)) return false;
  const gap = s.start >= u.end ? s.start - u.end : u.start >= s.end ? u.start - s.end : 0;
  return gap <= (u.kind === 'latin' ? NEAR_LATIN : NEAR_HAN);
}

export function slotsBeside(u: Unit, spans: readonly HitSpan[]): HitSpan[] {
  return spans.filter((s) => isBeside(u, s));
}

function slotMask(u: Unit, spans: readonly HitSpan[]): number {
  let mask = 0;
  for (const s of spans) if (isBeside(u, s)) mask |= 1 << SLOT_KINDS.indexOf(s.slot!);
  return mask;
}

/** Whether the seller set the unit off in quotation marks or brackets (「蓝本」, 'head crates', 【蓝本】). */
function isQuoted(nt: NormalizedText, u: Unit): boolean {
  const a = nt.toBase[u.start]!;
  const b = nt.toBase[u.end - 1]! + 1;
  return a > 0 && OPEN.has(nt.base[a - 1]!) && CLOSE.has(nt.base[b] ?? '');
}

/**
 * Whether a Chinese unit stands as a word of its own here: each edge at the text's edge, a space or
 * mark, a known word, a particle, a sale verb or a number (出|蓝本|一张). A piece cut from a phrase
 * (那|张卡|对) never does. Latin units are whole words already.
 */
function isBounded(nt: NormalizedText, cover: Cover, u: Unit): boolean {
  if (u.kind === 'latin') return true;
  const t = nt.text;
  const edge = (k: number, side: number) => {
    if (k <= 0 || k >= t.length || nt.toBase[k]! - nt.toBase[k - 1]! > 1) return true;
    const c = t[side < 0 ? k - 1 : k]!;
    if (ZH_BAD_START.has(c) || ZH_BAD_END.has(c) || isChineseNumber(c) || !isHanCode(c.charCodeAt(0))) return true;
    return side < 0 ? cover.to[k - 1] === k : cover.from[k] === k;
  };
  return edge(u.start, -1) && edge(u.end, 1);
}

/** `words`: cut with jieba too (word flags and 5–6 character words); without, only n-grams and phrases. */
export function eachCleanUnit(nt: NormalizedText, findings: FieldFindings, emit: (u: Unit, flags: number) => void, words = true): void {
  const cover = coverOf(nt.text.length, findings.spans);
  const title = findings.field === 'title' ? IN_TITLE : 0;
  eachUnit(
    nt,
    (u) => {
      if (!isClean(cover, u.start, u.end)) return;
      const flags = slotMask(u, findings.spans) | title | (isQuoted(nt, u) ? QUOTED : 0) | (u.word ? WORD : 0) | (u.aligned ? ALIGNED : 0);
      emit(u, flags | (isBounded(nt, cover, u) ? BOUNDED : 0));
    },
    words,
  );
}
