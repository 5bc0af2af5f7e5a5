import { describe, expect, it } from 'vitest';
import type { Evidence } from '../contracts/index.js';
import { maskEvidence, maskFragment } from './evidence-text.js';
import { maskSensitive } from './mask.js';

// Titles and the contact-id spans the classifier reports for them (its trade pattern stops after 11 digits).
const ID_TITLE = '手持身份证照 五毛一张 加V 440304199001011233';
const CARD_TITLE = '出售银行卡 加V 6222021234567890128 一手料';
const span = (title: string, text: string): Evidence => {
  const start = title.indexOf(text);
  return { field: 'title', start, end: start + text.length, text, reason: 'trade signal: off-platform contact id' };
};

/** Whether `shown` (a text cut at `start`) shows a character the masked field hides. */
const showsHidden = (shown: string, maskedField: string, start: number) => [...shown].some((c, i) => maskedField[start + i] === '*' && c !== '*');

describe('maskEvidence', () => {
  it('cuts each span from the masked field: no digit the field hides', () => {
    for (const [title, fragment] of [
      [ID_TITLE, 'V 44030419900'],
      [CARD_TITLE, 'V 62220212345'],
    ] as const) {
      const e = span(title, fragment);
      // The attack: the fragment masked alone is too short to be a number, and showed 11 digits.
      expect(maskSensitive(fragment)).toBe(fragment);
      const [shown] = maskEvidence([e], [{ title }]);
      expect(shown!.text).toBe(maskSensitive(title).slice(e.start, e.end));
      expect(showsHidden(shown!.text, maskSensitive(title), e.start)).toBe(false);
    }
    expect(maskEvidence([span(ID_TITLE, 'V 44030419900')], [{ title: ID_TITLE }])[0]!.text).toBe('V 44*********');
    expect(maskEvidence([span(CARD_TITLE, 'V 62220212345')], [{ title: CARD_TITLE }])[0]!.text).toBe('V ***********');
  });

  it('hides what either of two texts that agree on the span hides', () => {
    const e = span(ID_TITLE, 'V 44030419900');
    const other = `${ID_TITLE.slice(0, e.end)} 其他`; // the same span, but there the digits run out: no ID
    expect(maskEvidence([e], [{ title: other }, { title: ID_TITLE }])[0]!.text).toBe('V 44*********');
  });

  it('masks a span no text holds (old rows) conservatively', () => {
    const e = { ...span(ID_TITLE, 'V 44030419900'), start: 0 };
    expect(maskEvidence([e], [{ title: ID_TITLE }, null])[0]!.text).toBe('V ***********');
    expect(maskEvidence([span(ID_TITLE, '五毛一张')], [])[0]!.text).toBe('*毛一张');
  });
});

describe('maskFragment', () => {
  it('never shows a digit the field hides, whatever the cut', () => {
    const fields = [
      ID_TITLE,
      CARD_TITLE,
      '加微信 幺三八 1234 5678 秒发',
      '联系 +1 (415) 555-0132 或 010-12345678',
      '编号 12345 身份证 4403\u200b0419 9001 0112 33',
    ];
    for (const field of fields) {
      const masked = maskSensitive(field);
      for (let start = 0; start < field.length; start++) {
        for (let end = start + 1; end <= field.length; end++) {
          const shown = maskFragment(field.slice(start, end));
          expect(shown).toHaveLength(end - start);
          expect(showsHidden(shown, masked, start), `${field} [${start}, ${end})`).toBe(false);
        }
      }
    }
  });

  it('leaves short numbers inside the fragment alone, and hides long ones and cut ones', () => {
    expect(maskFragment('每张0.5元 两万套 5000张')).toBe('每张0.5元 两万套 5000张');
    // A number at the edge may go on outside the fragment.
    expect(maskFragment('3张 共5000')).toBe('*张 共****');
    expect(maskFragment('扣扣 39207668 秒发')).toBe('扣扣 ******** 秒发');
  });
});
