/**
 * What a run of digits must satisfy to be taken for an identity number. The checks keep order
 * numbers, dates and prices that happen to have the right length from being masked.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A resident ID number of today's format: 17 digits and a check character (X = 10). */
export function isChineseIdNumber(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

// Province codes (first two digits of the area code) that 15-digit IDs were issued under.
const PROVINCE = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-2])/;

/**
 * A resident ID number of the old format (issued until 2004): a 6-digit area code, the birth date as
 * YYMMDD and 3 digits. It has no check digit, so a real province and a possible date stand in for one.
 */
export function isOldChineseIdNumber(s: string): boolean {
  if (!/^\d{15}$/.test(s) || !PROVINCE.test(s)) return false;
  const month = Number(s.slice(8, 10));
  const day = Number(s.slice(10, 12));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether digit groups (and the separators between them) are how someone writes one number: one or
 * two blocks, digits spaced one by one with one separator, or inner groups of 3 or more (138 1234
 * 5678, 4-4-4-4, +86 138…, (021) 1234 5678). Decimals and dates break into short inner groups
 * (1.38 1.23 4.56 7.8, 13.50 18.80 19.90, 2024.01.15-2024.02.20) and some of them have a phone's or a
 * card's shape; a tenth of them would pass Luhn.
 */
export function hasNumberGrouping(groups: readonly string[], separators: readonly string[]): boolean {
  if (groups.length <= 2) return true;
  // Single spaces or hyphens alone are how sellers break a number up to dodge filters (138 12 34 56 78);
  // the decimals and dates this check keeps out need dots, slashes or mixed separators.
  if (separators.every((s) => s === ' ') || separators.every((s) => s === '-')) return true;
  if (groups.every((g) => g.length === 1)) return separators.every((s) => s === separators[0]);
  return groups.slice(1, -1).every((g) => g.length >= 3);
}
