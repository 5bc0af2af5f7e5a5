import { describe, expect, it } from 'vitest';
import { parseLinkLine } from './parse-line.js';

describe('parseLinkLine', () => {
  it('reads a listing and its truth key, naming a missing id by its line', () => {
    expect(parseLinkLine('{"title":"x","truth":"s1"}', 7)).toEqual({
      listing: { id: 'line-7', url: null, title: 'x', description: null, price: null, seller: null, site: null },
      truth: 's1',
    });
  });
  it.each([
    ['not json', /not JSON/],
    ['[1]', /not a JSON object/],
    ['{"id":{}}', /"id" must be/],
    ['{"title":3}', /"title" must be a string/],
  ])('%s is an error', (line, message) => {
    const parsed = parseLinkLine(line, 1);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});
