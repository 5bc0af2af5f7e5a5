import type { ListingAnalysis } from './analyze.js';

/**
 * Whether a listing picks people by who they are: a sex and an age (female 25-35, 男 30岁上下, 挑女的
 * 二十到三十), or two of sex, age and region named as choices (可以挑年龄和地区, ages 25-60 by state).
 * Goods are described by size, colour or make; a listing that sells people's faces or documents describes
 * the people, because the buyer needs one who passes for them. Read from the base text (lower case,
 * simplified characters).
 */
export function describesPeople(analysis: ListingAnalysis): boolean {
  const text = analysis.fields.map((f) => f.normalized.base).join('\n');
  let kinds = 0;
  for (const pattern of [SEX, AGE, REGION]) if (pattern.test(text)) kinds++;
  return kinds >= 2;
}

// A sex: a word for it, or a lone 男 / 女 before an age or a count (男 30岁, 女 25-35).
const SEX =
  /\b(?:female|male|females|males|women|men|girls|guys|genders?|sex)\b|女的|男的|男女|女生|男生|女性|男性|性别|(?:^|[\s,，/])[男女](?=\s*(?:\d|[一二三四五六七八九十]|[\s,，/]))/;
// An age: a range of adult ages (16 and over: 10-12 is a size), a decade (20s), "30ish", an age in
// years (30岁, 二十到三十), or the word itself (ages, 年龄).
const AGE =
  /\bages?\b|\b[1-9]0s\b|\b[1-9]\d\s*ish\b|\b(?:1[6-9]|[2-9]\d)\s*(?:-|–|~|to)\s*[2-9]\d\b(?!\s*(?:mm|cm|m|kg|g|lbs?|in|inch|ft|%|x|\*|\/))|[1-9]\d\s*岁|[二三四五六七八九]十(?:多)?岁|[二三四五六七八九]十(?:到|至|~|-)[二三四五六七八九]十|年龄|年纪/;
// A region as a choice: by state or country, 地区, 省份.
const REGION = /\bby\s+(?:state|country|region)\b|\b(?:any|all)\s+(?:states|countries)\b|地区|省份|省市/;
