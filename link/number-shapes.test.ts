import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { numberAfterHours, startsWithHoursOrPrice } from './number-shapes.js';

const keys = (description: string) =>
  extractHandles({ id: 'x', description })
    .map((h) => h.key)
    .filter((k) => !k.startsWith('alias:'));

describe('startsWithHoursOrPrice', () => {
  it.each([' 08.00-17.00 WIB', ': 10:00~19:00', ' 9h-21h', ' 08.00 s/d 21.00', ': 1.250.000 nett', ' 85,000', ' 2.350.000'])('%s is hours or a price', (s) =>
    expect(startsWithHoursOrPrice(s)).toBe(true),
  );

  it.each([' 0812 5550 3471', ': 0868.555.294', ' 868.555.294', ' +62 812-5550-3471', ' 6555 0819', ' 202.555.0187', ' 1.250.417'])(
    '%s is a number to call',
    (s) => expect(startsWithHoursOrPrice(s)).toBe(false),
  );

  it('keeps a phone cue from reading hours or a price as a number, and still reads the number after them', () => {
    expect(keys('Fast respon WA 08.00-17.00 (Senin-Sabtu).')).toEqual([]);
    expect(keys('Harga nego via WA: 1.250.000 untuk reseller.')).toEqual([]);
    expect(keys('Fast respon WA 08.00-17.00, nomor WA 0813 5550 6620')).toEqual(['phone:081355506620']);
  });
});

describe('numberAfterHours', () => {
  it('reads the number a cue gives after its hours, with a word for "number" before it', () => {
    expect(keys('Servis cepat, chat WA 09.00-21.00 nomor 0857-5550-4412 ya')).toEqual(['phone:085755504412']);
    expect(keys('whatsapp 10:00~18:00, number +60 12 555 0871')).toEqual(['phone:60125550871']);
    expect(numberAfterHours(' 9h-21h, no. 0912 555 018')).toBe(' 9h-21h, no. '.length);
  });

  it('reads nothing after hours alone, nor after a price', () => {
    expect(keys('Balas cepat WA 08.00-16.00, sabtu libur. Total order 2026 ada 1.250')).toEqual([]);
    expect(numberAfterHours(': 1.250.000 nomor 0813 5550 6620')).toBe(-1);
    expect(numberAfterHours(' 08.00-17.00 senin sampai sabtu')).toBe(-1);
  });
});
