import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../lexicon/load.js';
import { analyzeListing } from './analyze.js';
import { describesPeople } from './people-described.js';

const lexicon = loadLexicon();
const people = (description: string) => describesPeople(analyzeListing(lexicon, { description }));

describe('a listing that picks people by who they are', () => {
  it('reads a sex with an age, or two of sex, age and region as choices', () => {
    for (const text of [
      'only 女的 二十到三十',
      '今期 男 30歲上下',
      'need 30 female 25-35',
      'Tea cozy, female 20s',
      '可以挑年龄和地区',
      '指定省份 指定年龄',
      'ages 25-60, sorted by state',
    ]) {
      expect(people(text), text).toBe(true);
    }
  });

  it('does not read one of them alone, or goods measured in ranges', () => {
    for (const text of [
      'mixed genders, $550',
      'sorted by state',
      '男女都要',
      'M8 bolts, 25-60 mm, sold by state',
      'sizes 10-12, women',
      '年龄不限的玩具 3-6岁',
    ]) {
      expect(people(text), text).toBe(false);
    }
  });
});
