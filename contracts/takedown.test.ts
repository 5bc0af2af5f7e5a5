import { describe, expect, it } from 'vitest';
import { availabilityText, durationText, takedownOf } from './takedown.js';

describe('availability', () => {
  it('says live while a listing is up', () => {
    expect(availabilityText(takedownOf('2026-01-01T00:00:00Z', null, null))).toBe('live');
  });

  it('says how long it stayed up, in its two largest units', () => {
    const t = takedownOf('2026-01-01T00:00:00Z', '2026-01-04T04:10:00Z', 'HTTP 404');
    expect(t).toEqual({ at: '2026-01-04T04:10:00Z', reason: 'HTTP 404', afterSeconds: 274_200 });
    expect(availabilityText(t)).toBe('taken down after 3 d 4 h');
  });

  it('writes short and round durations plainly', () => {
    expect(durationText(0)).toBe('0 s');
    expect(durationText(7)).toBe('7 s');
    expect(durationText(125)).toBe('2 min 5 s');
    expect(durationText(3 * 86_400)).toBe('3 d');
    expect(durationText(86_400 + 59)).toBe('1 d');
    expect(durationText(3600 + 60)).toBe('1 h 1 min');
  });
});
