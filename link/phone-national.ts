/**
 * The national part of a phone key's digits, so a number written the local way and the international
 * way meets under one link key: "Whatsapp 011-5550 2846" (Malaysia's trunk prefix 0) and "WA: +60
 * 11-5550 2846" are one line, as are "020 7946 0958" and "+44 20 7946 0958", or "0912·555·018" and
 * "+886 912 555 018". Sellers write the local form for buyers at home and the international one for
 * buyers abroad, often on two sites of one ad.
 *
 *  - a Chinese mobile (1[3-9] + 9 digits) is national already (phoneHandle drops its +86);
 *  - a number starting with one 0 is local with a trunk prefix: the 0 is dropped (and the 8 of a
 *    Russian "8 9xx …", the only trunk prefix of another digit that stands before a mobile);
 *  - "00" + country code is the international form dialled from abroad: read as one with '+';
 *  - nine digits or more, not starting with 0, is international (country code first, as phoneHandle
 *    keys it): the country code is dropped. E.164 codes are prefix-free, so the code is read from the
 *    first digits alone: 1 and 7 are one digit, the two-digit ones are listed, every other is three;
 *  - shorter numbers are local numbers of a country without a trunk prefix (Singapore "8555 0142",
 *    Hong Kong's eight digits), national as written.
 * North American numbers (+1) keep their 1: phoneHandle already gives a bare ten-digit US number its 1,
 * and their trunk prefix is that 1, not a 0. Italy keeps its 0 after +39, so its two forms still differ.
 */

// ITU-T E.164 two-digit country codes (every other code starting 2-9 but 7 has three digits).
const TWO_DIGIT_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66',
  '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]); // prettier-ignore

const MOBILE = /^1[3-9]\d{9}$/;
/** The shortest national number kept once a code is dropped: fewer digits left means the guess of a code was wrong. */
const MIN_NATIONAL = 7;

/** Whether digits start with a two-digit country code (65 Singapore, 60 Malaysia, 44 UK …). */
export function startsWithTwoDigitCode(digits: string): boolean {
  return TWO_DIGIT_CODES.has(digits.slice(0, 2));
}

/** The country code an international number's digits start with ('' for North America's 1, kept). */
function countryCode(digits: string): string {
  if (digits.startsWith('1')) return '';
  if (digits.startsWith('7')) return '7';
  const two = digits.slice(0, 2);
  return TWO_DIGIT_CODES.has(two) ? two : digits.slice(0, 3);
}

/** The digits of a phone key with its country code or trunk prefix dropped (see above). */
export function nationalNumber(digits: string): string {
  if (MOBILE.test(digits)) return digits;
  if (/^0[1-9]/.test(digits)) return digits.slice(1);
  // Russia's and Kazakhstan's trunk prefix is 8 ("8 912 345-67-89" = +7 912 345-67-89); no country code starts 89.
  if (/^89\d{9}$/.test(digits)) return digits.slice(1);
  const international = digits.startsWith('00') ? digits.slice(2) : digits;
  if (international.length < 9 || international.startsWith('0')) return digits;
  const code = countryCode(international);
  const national = international.slice(code.length);
  return national.length >= MIN_NATIONAL ? national : digits;
}
