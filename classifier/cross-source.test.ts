import { describe, expect, it } from 'vitest';
import type { CorpusItem } from './corpus/schema.js';
import { leftOutUnits, writersToLeaveOut } from './cross-source.js';

const item = (id: string): CorpusItem => ({ id, lang: 'zh', label: 'benign', title: id, evasive: false, hardNegative: false, newJargon: false });
const items = ['wab-0001', 'wab-0002', 'wcd-0001', 'wef-0001', 'wgh-0001'].map(item);

describe('which writers a cross-source run leaves out', () => {
  it('leaves out every writer once, in order', () => {
    expect(writersToLeaveOut(items, {})).toEqual(['wab', 'wcd', 'wef', 'wgh']);
  });

  it('never leaves out nor tests an untested (sealed) writer, which stays in every training', () => {
    const left = writersToLeaveOut(items, { untested: ['wcd', 'wgh'] });
    expect(left).toEqual(['wab', 'wef']);
    expect(leftOutUnits(left, 2)).toEqual(['wab', 'wef']);
  });

  it('keeps to the named writers, still without the untested ones', () => {
    expect(writersToLeaveOut(items, { writers: ['wcd', 'wef'], untested: ['wcd'] })).toEqual(['wef']);
  });

  it('deals writers round-robin into groups', () => {
    expect(leftOutUnits(['a', 'b', 'c', 'd', 'e'], 2)).toEqual(['a+c+e', 'b+d']);
  });
});
