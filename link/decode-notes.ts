/**
 * A contact written encoded, with a bracketed note telling the buyer how to decode it: "Q（每位数字减一）：
 * 4396150622" (each digit less one: 3285049511), "QQ（十六进制）：0x1A2B3C4D" (in hexadecimal),
 * "薇：mXeiXfaXce（删除所有X）" (delete every X), "tg: k*a*d*i*a*n (remove all *)". The note is the seller's
 * own key, so the value is decoded as it says and the note dropped (folded text in and out; disguises.ts
 * runs it before cue words are read). Read as written, the value would be somebody else's id or number;
 * a note this module does not know stays, and contact-handles.ts then reads no value (DECODE_WORDS).
 */

type Decode = (value: string) => string | null;

const SMALL_NUMBER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, one: 1, two: 2, three: 3 };
const amount = (said: string) => SMALL_NUMBER[said] ?? Number(said);

// "每位数字减一", "每个数都加1", "each digit minus one", "subtract 1 from each digit", "add one to every digit".
const SHIFT =
  /^(?:每(?:一?位|个)(?:数字?)?(?:都|各)?\s*(减|加|-|\+)\s*([一二两三1-3])|(?:each|every) digit\s*(minus|plus|-|\+)\s*(one|two|three|[1-3])|(subtract|add)\s+(one|two|three|[1-3])\s+(?:from|to)\s+(?:each|every) digit)$/;
// "十六进制", "16进制", "hex", "in hexadecimal".
const HEX = /^(?:十六进制|16进制|(?:in\s+)?hex(?:adecimal)?)$/;
// "删除所有x", "去掉全部的#", "remove all *", "delete every x".
const DELETE =
  /^(?:(?:删除|删掉|去掉|去除|删)(?:所有|全部)?的?\s*["“'‘]?([^\s"“”'‘’])["”'’]?|(?:remove|delete|drop)\s+(?:all|every|each|the)\s+["'‘]?([^\s"'‘’])["'’]?s?)$/;

function decoderOf(note: string): Decode | null {
  const n = note.trim();
  const shift = SHIFT.exec(n);
  if (shift !== null) {
    const [sign, by] = shift[1] !== undefined ? [shift[1], shift[2]!] : shift[3] !== undefined ? [shift[3], shift[4]!] : [shift[5]!, shift[6]!];
    const step = (/^(?:减|-|minus|subtract)$/.test(sign) ? -1 : 1) * amount(by);
    return (value) => {
      const digits = value.replace(/[\s-]/g, '');
      return /^\d{5,15}$/.test(digits) ? Array.from(digits, (d) => String((Number(d) + step + 10) % 10)).join('') : null;
    };
  }
  if (HEX.test(n))
    return (value) => {
      const hex = /^(?:0x)?([0-9a-f]{4,12})$/.exec(value)?.[1];
      return hex === undefined ? null : String(parseInt(hex, 16));
    };
  const del = DELETE.exec(n);
  if (del !== null) {
    const mark = del[1] ?? del[2]!;
    return (value) => (value.includes(mark) ? value.split(mark).join('') : null);
  }
  return null;
}

const VALUE = String.raw`[a-z0-9_.#*~^$&-]{4,48}`;
// "Q（每位数字减一）：4396150622": the note right before the value (after the cue).
const NOTE_BEFORE = new RegExp(String.raw`[(（]([^()（）]{2,32})[)）]\s*[:：]?\s*(${VALUE}(?:[\s-]\d+){0,3})`, 'gu');
// "mXeiXfaXce（删除所有X）": the note right after it.
const NOTE_AFTER = new RegExp(String.raw`(?<![a-z0-9_.#*~^$&-])(${VALUE})\s*[(（]([^()（）]{2,32})[)）]`, 'gu');
// Words one of the notes must have (每 of 每位, each digit): most texts have none and skip the rest.
const MAY_HAVE_NOTE = /每|进制|hex|删|去掉|去除|remove|delete|drop|digit/;

// "扣扣十六进制：0xAF252501（自己换算成十进制）": the base said before a 0x value, not in brackets. Both
// words go with the decoding: the base, which would stand between the cue and its value, and the note
// after it (convert it yourself), which is said and done.
const HEX_VALUE = /(?:十六进制|16进制|hex(?:adecimal)?)([^0-9a-z(（)）]{0,4})0x([0-9a-f]{4,12})(?![0-9a-z])(?:\s*[(（][^()（）]{0,16}[)）])?/g;

export function decodedNotes(text: string): string {
  if (!MAY_HAVE_NOTE.test(text)) return text;
  const hex = text.includes('0x') ? text.replace(HEX_VALUE, (_, gap: string, value: string) => `${gap}${parseInt(value, 16)} `) : text;
  if (!/[(（]/.test(hex)) return hex;
  const before = hex.replace(NOTE_BEFORE, (all, note: string, value: string) => {
    const decoded = decoderOf(note)?.(value) ?? null;
    return decoded === null ? all : `: ${decoded}`;
  });
  return before.replace(NOTE_AFTER, (all, value: string, note: string) => {
    const decoded = decoderOf(note)?.(value) ?? null;
    return decoded === null ? all : `${decoded} `;
  });
}
