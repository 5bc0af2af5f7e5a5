import { describe, expect, it } from 'vitest';
import { listingShingles, tokens } from './shingles.js';

describe('tokens of scripts written in words', () => {
  it('keeps each Korean, Arabic, Persian and Devanagari word as a token', () => {
    expect(tokens('얼굴 사진 DB 5천장')).toEqual(['얼굴', '사진', 'db', '천장']);
    expect(tokens('صور وجوه مع الهوية')).toEqual(['صور', 'وجوه', 'مع', 'الهوية']);
    expect(tokens('عکس سلفی با کارت ملی')).toEqual(['عکس', 'سلفی', 'با', 'کارت', 'ملی']);
    expect(tokens('लोन ऐप KYC')).toEqual([...tokens('लोन ऐप'), 'kyc']);
  });

  it('finds a Korean relist alike and a different Korean ad not', () => {
    const ad = listingShingles('3D 얼굴 마스크 제작', '사진 3장이면 3D 얼굴 마스크 제작해드립니다. 얼굴인식 통과 테스트용.', []);
    const relist = listingShingles('3D 얼굴 마스크 제작 (재업)', '사진 3장으로 3D 얼굴 마스크 제작, 얼굴인식 통과 테스트용.', []);
    const other = listingShingles('아이폰 14 팝니다', '아이폰 14 128GB 팝니다. 영수증 있어요.', []);
    const shared = (a: Uint32Array, b: Uint32Array) => [...a].filter((h) => b.includes(h)).length;
    expect(shared(ad, relist)).toBeGreaterThanOrEqual(3);
    expect(shared(ad, other)).toBe(0);
  });
});
