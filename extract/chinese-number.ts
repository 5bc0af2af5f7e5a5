const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A number written in Chinese numerals, up to 九千九百九十九万九千九百九十九: 五 → 5, 十五 → 15,
 * 两百 → 200, 三万五千 → 35000. Null when the text is not such a number.
 */
export function chineseNumber(s: string): number | null {
  if (!s || !/^[零〇一二两兩三四五六七八九十百千万萬]+$/.test(s)) return null;
  const wan = s.split(/[万萬]/);
  if (wan.length > 2) return null;
  const [high, low] = wan.length === 2 ? [section(wan[0]!), section(wan[1]!)] : [0, section(wan[0]!)];
  if (high === null || low === null) return null;
  const total = (wan.length === 2 ? Math.max(high, 1) * 10_000 : 0) + low;
  return total;
}

/** A number below ten thousand: digits each followed by an optional 十/百/千. */
function section(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      // 十五: a bare 十 is one ten.
      total += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}
