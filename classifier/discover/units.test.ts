import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize/normalize.js';
import { eachUnit } from './units.js';

const units = (text: string) => {
  const out: string[] = [];
  eachUnit(normalize(text, new Map()), (u) => out.push(u.key));
  return out;
};

describe('candidate units', () => {
  it('cuts Chinese into 2–4 character units inside a clause, never across a comma or between two spaced words', () => {
    const u = units('出蓝本照，五毛一张 现货多多');
    expect(u).toEqual(expect.arrayContaining(['蓝本', '蓝本照']));
    expect(u.some((k) => k.includes('照五'))).toBe(false);
    expect(u.some((k) => k.includes('张现'))).toBe(false);
  });

  it('reads a split or traditional spelling as its plain form', () => {
    expect(units('藍本 大量')).toContain('蓝本');
    expect(units('蓝.本.照 有')).toContain('蓝本照');
  });

  it('leaves out numbers, counts, particles at the edges and function words', () => {
    const u = units('我们的三张 一百 宝贝们 很好的 2024 10k pcs');
    for (const bad of ['三张', '一百', '我们', '的三', '2024', '10k', '很好']) expect(u, bad).not.toContain(bad);
  });

  it('leaves out the furniture of chats and profile pages: how to reach the seller, where the page is', () => {
    const u = units('ping me in chat for the menu, ppl say legit. 看主页 置顶 评论区');
    for (const bad of ['ping', 'chat', 'ppl', '主页', '置顶', '评论区']) expect(u, bad).not.toContain(bad);
    expect(u).toContain('menu');
  });

  it('makes English phrases of up to three words, not across punctuation, edged by content words', () => {
    const u = units('fresh mirror shots with id, cheap');
    expect(u).toEqual(expect.arrayContaining(['mirror', 'mirror shots', 'shots with id']));
    expect(u).not.toContain('id cheap');
    expect(u).not.toContain('with');
  });
});

describe('word alignment', () => {
  const aligned = (text: string) => {
    const out = new Map<string, boolean>();
    eachUnit(normalize(text, new Map()), (u) => out.set(u.key, (out.get(u.key) ?? false) || u.aligned));
    return out;
  };

  it('marks a Chinese unit cut at both its ends by jieba, not a piece that starts inside a word', () => {
    const u = aligned('学生款五千张');
    // jieba cuts 学生|款: 学生款 and 学生 are aligned, 生款 starts inside 学生.
    expect(u.get('学生款')).toBe(true);
    expect(u.get('生款')).toBe(false);
  });

  it('treats Latin phrases as aligned, and nothing when cut without words', () => {
    expect(aligned('mirror shots').get('mirror shots')).toBe(true);
    const plain: boolean[] = [];
    eachUnit(normalize('学生款', new Map()), (x) => plain.push(x.aligned), false);
    expect(plain.every((a) => !a)).toBe(true);
  });
});
