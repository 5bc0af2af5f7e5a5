import { describe, expect, it } from 'vitest';
import { cpuMillis } from '../../test/helpers/cpu-time.js';
import { MAX_STEMMED_LENGTH, stemWord } from './stem.js';

describe('stemWord', () => {
  it('stems English words', () => {
    expect(stemWord('selfies')).toBe('selfi');
    expect(stemWord('verified')).toBe('verifi');
  });

  it('keeps a word longer than any English word as it is, in linear time', () => {
    // The attack: a listing with a 64 Ki-letter run ("xxxx…") made the stemmer's [^aeiouy]+y backtrack for 16 s of a worker.
    const run = 'x'.repeat(65_536);
    const cpu = cpuMillis(() => {
      expect(stemWord(run)).toBe(run);
    });
    expect(cpu).toBeLessThan(1_000);
    const long = 'verified'.repeat(Math.ceil((MAX_STEMMED_LENGTH + 1) / 8));
    expect(stemWord(long)).toBe(long);
  });
});
