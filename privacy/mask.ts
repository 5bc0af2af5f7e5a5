/**
 * Masks identity numbers in text shown or exported, keeping every character's position (masked
 * digits become '*'), so evidence offsets still point at the same text.
 * - Chinese resident ID numbers: 18 characters with a valid checksum.
 * - Bank card numbers: 13–19 digits (spaces or dashes between groups allowed) passing the Luhn check.
 * - Phone numbers: Chinese mobiles (1[3-9] + 9 digits) and international +NN… numbers.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isChineseIdNumber(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
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

/** Replaces digits with '*', keeping the first `keepStart` and last `keepEnd` digits. */
function maskDigits(s: string, keepStart: number, keepEnd: number): string {
  const total = s.replace(/[^\dXx]/g, '').length;
  let seen = 0;
  return s.replace(/[\dXx]/g, (c) => {
    seen++;
    return seen <= keepStart || seen > total - keepEnd ? c : '*';
  });
}

const NOT_DIGIT_BEFORE = '(?<![\\dA-Za-z])';
const NOT_DIGIT_AFTER = '(?![\\dA-Za-z])';
const ID_RE = new RegExp(`${NOT_DIGIT_BEFORE}\\d{17}[\\dXx]${NOT_DIGIT_AFTER}`, 'g');
const CARD_RE = new RegExp(`${NOT_DIGIT_BEFORE}\\d(?:[ -]?\\d){12,18}${NOT_DIGIT_AFTER}`, 'g');
const MOBILE_RE = new RegExp(`${NOT_DIGIT_BEFORE}(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d){8}${NOT_DIGIT_AFTER}`, 'g');
const INTL_RE = /\+\d{1,3}[ -]?\d(?:[ -]?\d){6,13}(?!\d)/g;

export function maskSensitive(text: string): string {
  return text
    .replace(ID_RE, (m) => (isChineseIdNumber(m) ? maskDigits(m, 2, 2) : m))
    .replace(CARD_RE, (m) => (passesLuhn(m.replace(/\D/g, '')) ? maskDigits(m, 0, 4) : m))
    .replace(MOBILE_RE, (m) => maskDigits(m, 3, 2))
    .replace(INTL_RE, (m) => maskDigits(m, 2, 2));
}
