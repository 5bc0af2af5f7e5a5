import { describe, expect, it } from 'vitest';
import { csvCell } from './export.js';

describe('csvCell', () => {
  it('quotes, doubles quotes, and defuses formulas', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(0.5)).toBe('"0.5"');
  });
});
