import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { digitWordRuns } from './digit-words.js';
import { foldText } from './fold-text.js';

const run = (s: string) => digitWordRuns(foldText(s)).trim();
const keys = (description: string) =>
  extractHandles({ id: 'x', description })
    .map((h) => h.key)
    .filter((k) => !k.startsWith('alias:'));

describe('digitWordRuns', () => {
  it.each([
    ['nol delapan satu dua, lima lima lima nol, tiga empat tujuh satu', '081255503471'], // Indonesian
    ['kosong delapan lima tujuh - lima lima lima kosong - sembilan sembilan dua satu', '085755509921'], // Indonesian, kosong for 0
    ['không chín không ba, năm năm năm, bảy một sáu', '0903555716'], // Vietnamese
    ['nau aath paanch paanch paanch shunya ek do chaar teen', '9855501243'], // Hindi in Latin letters
    ['नौ आठ पाँच पाँच पाँच शून्य एक दो चार तीन', '9855501243'], // Hindi in Devanagari (its marks folded away)
    ['صفر خمسة خمسة خمسة خمسة صفر واحد ثمانية ثلاثة أربعة', '0555501834'], // Arabic
    ['صفر نه یک دو پنج پنج پنج چهار صفر هشت هفت', '09125554087'], // Persian
    ['공일공 오오오공 이칠일팔', '01055502718'], // Sino-Korean, words touching
    ['saam yat chat sei gau ng yi baat yat luk', '3174952816'], // Cantonese (Jyutping)
    ['khòng-káu-it-jī gōo-gōo-gōo sann-khòng-tshit', '0912555307'], // Taiwanese Hokkien (Tâi-lô)
    ['แปด หนึ่ง ห้า ห้า ห้า สาม สาม ศูนย์ สอง', '815553302'], // Thai
  ])('%s → %s', (text, digits) => expect(run(text)).toBe(digits));

  it('leaves fewer than seven number words, and words that only start like one, alone', () => {
    for (const s of [
      'harga lima puluh ribu, satu dua tiga', // Indonesian prose
      'năm nay bán hai bộ, ba bộ còn lại', // Vietnamese: năm is "year"
      'do ek baat bolo', // Hindi prose
      'ستة أيام وسبعة ليالي', // Arabic prose
      '이 사진은 오늘 찍은 사진입니다', // Korean prose: 이 and 사 are words here
      '일이삼사오육칠팔구공입니다', // Korean digit syllables run into a longer word
      'ราคา สาม ร้อย',
      'ผ่านสแกนใบหน้า',
    ])
      expect(digitWordRuns(foldText(s))).toBe(foldText(s));
  });

  it('gives the number to the cue before it', () => {
    expect(keys('Order cepat lewat WA: nol delapan satu dua, lima lima lima nol, tiga empat tujuh satu.')).toEqual(['phone:081255503471']);
    expect(keys('Zalo: không chín không ba, năm năm năm, bảy một sáu.')).toEqual(['phone:0903555716']);
    expect(keys('WhatsApp (+66): แปด หนึ่ง ห้า ห้า ห้า สาม สาม ศูนย์ สอง')).toEqual(['phone:66815553302']);
  });
});
