import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { decodedNotes } from './decode-notes.js';
import { foldText } from './fold-text.js';

const decoded = (s: string) => decodedNotes(foldText(s));
const keys = (description: string) => extractHandles({ id: 'x', description }).map((h) => h.key);

describe('decodedNotes', () => {
  it('shifts each digit as the note says', () => {
    expect(keys('扣扣（每位数字加一）：1097 2635 48')).toEqual(['qq:2108374659']);
    expect(keys('QQ (subtract 2 from each digit): 5432187690')).toEqual(['qq:3210965478']);
  });

  it('reads a hexadecimal number, the base said in brackets or before the value', () => {
    expect(keys('企鹅（16进制）：0x7B1E3C55')).toEqual([`qq:${0x7b1e3c55}`]);
    expect(keys('Q号十六进制：0x7B1E3C55（自己换算）')).toEqual([`qq:${0x7b1e3c55}`]);
  });

  it('deletes the noise character the note names', () => {
    expect(keys('微：pZeiZmaZo_88（删除所有Z）')).toEqual(['wechat:peimao_88']);
    expect(keys('tg: o#t#t#e#r_lens (remove all #)')).toEqual(['tg:otter_lens']);
  });

  it('leaves other notes, and a note whose character is not in the value, alone', () => {
    for (const s of ['微信 face88（加我请备注）', '价格（含运费）：120', '微信 abcdef（删除所有z）', 'QQ（十六进制）：zzzz'])
      expect(decoded(s)).toBe(foldText(s));
  });
});
