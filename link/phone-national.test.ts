import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { linkKey } from './handle-rules.js';
import { linkListings } from './link-listings.js';
import { nationalNumber } from './phone-national.js';

const phoneKeys = (description: string) => extractHandles({ id: 't', description }).map(linkKey);

describe('nationalNumber: a phone key without its country code or trunk prefix', () => {
  it.each([
    ['601155502846', '1155502846'], // +60 11-5550 2846 (Malaysia)
    ['01155502846', '1155502846'], // 011-5550 2846, the same line dialled at home
    ['6585550142', '85550142'], // +65 (Singapore, no trunk prefix)
    ['85550142', '85550142'], // the same number written locally
    ['886912555018', '912555018'], // +886 (three-digit code)
    ['0912555018', '912555018'],
    ['00601155502846', '1155502846'], // 00 + code, the international form dialled from abroad
    ['861012345678', '1012345678'], // a Beijing landline, +86 10
    ['01012345678', '1012345678'],
    ['79123456789', '9123456789'], // +7 912 … (Russia)
    ['89123456789', '9123456789'], // 8 912 …, Russia's trunk prefix
  ])('%s → %s', (digits, national) => {
    expect(nationalNumber(digits)).toBe(national);
  });

  it('keeps a Chinese mobile and a North American number whole', () => {
    expect(nationalNumber('13800006655')).toBe('13800006655');
    expect(nationalNumber('12025550187')).toBe('12025550187');
  });

  it('keeps the number whole when dropping a code would leave too few digits to be one', () => {
    expect(nationalNumber('852500016')).toBe('852500016');
  });
});

describe('linkKey of phones: local and international forms of one line meet, neighbours do not', () => {
  it('gives "+60 11-5550 2846" and "011-5550 2846" one key', () => {
    expect(phoneKeys('WA: +60 11-5550 2846')).toEqual(phoneKeys('Whatsapp 011-5550 2846'));
    expect(phoneKeys('WA: +65 8555 0142')).toEqual(phoneKeys('电话 8555 0142'));
  });

  it('keeps numbers one or two digits apart apart', () => {
    expect(phoneKeys('WA: +60 11-5550 2846')).not.toEqual(phoneKeys('Whatsapp 011-5550 2864'));
    expect(phoneKeys('WA +852 5000 0168')).not.toEqual(phoneKeys('WA +852 5000 0186'));
  });

  it('links two relists by the one number written both ways', () => {
    const { clusters } = linkListings([
      { id: 'a', title: 'IC + selfie set', description: 'IC both sides. WA: +60 11-5550 2846', site: 'shopee', seller: 'a1' },
      { id: 'b', title: 'MyKad bundle', description: 'MyKad front/back. Whatsapp 011-5550 2846', site: 'lazada', seller: 'b1' },
      { id: 'c', title: 'MyKad bundle', description: 'MyKad front/back. Whatsapp 011-5550 2864', site: 'olx', seller: 'c1' },
    ]);
    expect(clusters.map((c) => c.listingIds)).toEqual([['a', 'b'], ['c']]);
  });
});
