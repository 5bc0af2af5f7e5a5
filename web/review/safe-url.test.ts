import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url.js';

describe('safeHttpUrl', () => {
  it('keeps http and https URLs', () => {
    expect(safeHttpUrl('https://m.example/item/1?x=1')).toBe('https://m.example/item/1?x=1');
    expect(safeHttpUrl('http://m.example')).toBe('http://m.example/');
  });

  it('refuses script, data and relative URLs', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', '/item/1', 'not a url', '', null, undefined]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});
