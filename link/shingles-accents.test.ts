import { describe, expect, it } from 'vitest';
import { listingShingles, tokens } from './shingles.js';

describe('tokens of accented text', () => {
  it('keeps a word whole through its accents', () => {
    expect(tokens('Full set 4 món: CCCD 2 mặt + selfie cầm CCCD')).toEqual(['full', 'set', 'mon', 'cccd', 'mat', 'selfie', 'cam', 'cccd']);
    expect(tokens('Café naïve')).toEqual(['cafe', 'naive']);
  });

  it('gives a relist written with or without its accents the same shingles', () => {
    expect([...listingShingles('Bán ảnh CCCD', 'Đủ bộ 4 món, xác minh ví điện tử', [])]).toEqual([
      ...listingShingles('Ban anh CCCD', 'Du bo 4 mon, xac minh vi dien tu', []),
    ]);
  });
});
