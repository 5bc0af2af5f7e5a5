import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { saidCountryCodes } from './country-codes.js';
import { foldText } from './fold-text.js';
import { linkKey } from './handle-rules.js';

const said = (s: string) => saidCountryCodes(foldText(s));
const phoneKeys = (description: string) =>
  extractHandles({ id: 'x', description })
    .filter((h) => h.kind === 'phone')
    .map(linkKey);

describe('saidCountryCodes', () => {
  it('writes a country code said in words, numerals or digits as the +code of the number after it', () => {
    expect(said('手机：国码泰国（六六）后面 81-555-7720')).toBe('手机: +66 81-555-7720');
    expect(said('WhatsApp - country code six-five, then 8555 3190')).toBe('whatsapp -  +65 8555 3190');
    expect(said('電話 區號 853，然後 6555 0417')).toBe('电话  +853 6555 0417');
  });

  it('leaves a code with no number after it, and talk about codes, alone', () => {
    for (const s of ['国码越南', 'country code 84 is Vietnam', 'the country code is needed', '区号不用加']) expect(said(s)).toBe(foldText(s));
  });

  it('gives the number the key of its local form, so the two ads meet', () => {
    const local = phoneKeys('Zalo: 0977 555 316');
    expect(local).toHaveLength(1);
    expect(phoneKeys('Zalo/电话：国码越南(八四) 后面 977-555-316')).toEqual(local);
    expect(phoneKeys('WhatsApp: country code eight-five-two, then 6555 0194')).toEqual(phoneKeys('WA 6555 0194'));
  });
});

describe('saidCountryCodes: the country named, its code not given', () => {
  it("reads the named country's own code", () => {
    expect(phoneKeys('Zalo/电话：国码越南 后面 977-555-316')).toEqual(phoneKeys('Zalo: 0977 555 316'));
    expect(phoneKeys('WhatsApp: Hong Kong country code, then 6555 0194')).toEqual(phoneKeys('WA +852 6555 0194'));
  });

  it('gives it as a piece of an id too', () => {
    const keys = extractHandles({ id: 'x', description: '微信號 = 阿明嘅粵拼（ah ming）+ 澳門區號' }).map((h) => h.key);
    expect(keys).toEqual(['wechat:ahming853']);
  });

  it('leaves a country without the words of a code, and a code given after its country, as they are', () => {
    expect(said('我们在香港，当日发货')).toBe(foldText('我们在香港，当日发货'));
    for (const s of ['香港区号是852，电话 6555 0194', '国码越南', '寄往香港，区号不用加']) expect(said(s)).toBe(foldText(s));
  });
});
