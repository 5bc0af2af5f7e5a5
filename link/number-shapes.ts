/**
 * Numbers after a contact cue that are not a contact: opening hours ("Fast respon WA 08.00-17.00",
 * "카톡 상담 10:00~19:00") and prices ("harga via WA: 1.250.000"). Read as digits they make a phone key
 * that any two shops open the same hours, or asking the same price, would share. Both shapes are ones
 * no phone number is written in: two clock times joined by a dash or "to", and thousands grouped in
 * threes after a head of one to three digits, ending in hundreds (a phone grouped 3-3-3 ends anywhere,
 * and a local one starts with its 0).
 */

const CLOCK = String.raw`(?:[01]?\d|2[0-4])(?:[.:h][0-5]\d|h)`;
const CLOCK_RANGE = new RegExp(String.raw`^[\s:：]*${CLOCK}\s*(?:[-–—~～至到]|s\/d|to|until|sampai|đến)\s*${CLOCK}(?![0-9])`);
const GROUPED_PRICE = /^[\s:：]*[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*(?![0-9]|[.,]\d)/;

/** Whether the text right after a cue starts with opening hours or a price, not a number to call. */
export function startsWithHoursOrPrice(after: string): boolean {
  if (CLOCK_RANGE.test(after)) return true;
  const price = GROUPED_PRICE.exec(after);
  return price !== null && price[0].trimEnd().endsWith('00');
}

// "WA 08.00-17.00, nomor 0813 5550 6620": the hours, then the number itself after a word for "number".
const NUMBER_AFTER_HOURS = new RegExp(
  String.raw`^[\s:：]*${CLOCK}\s*(?:[-–—~～至到]|s\/d|to|until|sampai|đến)\s*${CLOCK}[^0-9\n]{0,16}?(?<![a-z])(?:nomor|nomer|no\.?|number|num|số|号码|번호|رقم)\s*[:：.]?\s*(?=\+?[0-9])`,
);

/**
 * Where the number to call starts when the cue's own hours come first and a word for "number" then
 * gives it ("Fast respon WA 08.00-17.00, nomor 0813 …"): the hours are the cue's, and so is the number. -1 when none does.
 */
export function numberAfterHours(after: string): number {
  return NUMBER_AFTER_HOURS.exec(after)?.[0].length ?? -1;
}
