/**
 * Chinese numerals read one digit at a time, as phone, QQ and ID numbers are written out to dodge
 * filters: 〇/零, the plain forms, 幺 (how 1 is read out on the phone) and the financial forms (壹贰…)
 * cheques use. 两 is left out: it counts things (两万套), it does not spell digits; callers that want
 * it add it. Keys are simplified: fold traditional forms first (char-fold.ts).
 */
export const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
