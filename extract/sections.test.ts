import type { Element } from 'domhandler';
import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { NOISE_HEADING } from './noise.js';
import { aboutTheSite, noiseSections } from './sections.js';

describe('sections of the platform’s words beside a listing', () => {
  it('open with a safety, report or comments heading, in several languages', () => {
    for (const h of [
      'Stay safe on Kidsmarket',
      'Safety tips',
      'Buying safely',
      'Sicherheitshinweise',
      'Consejos de seguridad',
      '安全提示',
      'Report this ad',
      'Denunciar anuncio',
      '举报该信息',
      'コメント (0)',
    ])
      expect(NOISE_HEADING.test(h), h).toBe(true);
  });

  it('do not include the listing’s own "About this item"', () => {
    expect(NOISE_HEADING.test('About this item')).toBe(false);
    expect(aboutTheSite('About this item', ['Oakhollow Vintage'])).toBe(false);
  });

  it('include a box about the site or shop itself, by its name', () => {
    expect(aboutTheSite('About Oakhollow', ['Oakhollow Vintage'])).toBe(true);
    expect(aboutTheSite('Über Kleinmarkt', ['kleinmarkt'])).toBe(true);
    expect(aboutTheSite('About Oakhollow', ['Tradeboard'])).toBe(false);
  });

  it('are skipped whole when the heading opens its block', () => {
    const $ = load(
      '<div><details id="a"><summary>About Oakhollow</summary><p>We are a two-person workshop.</p></details><p id="b">Each mug is thrown by hand.</p></div>',
    );
    const skipped = noiseSections($, $('*').toArray() as Element[], ['Oakhollow Vintage']);
    expect(skipped.has($('#a').get(0)!)).toBe(true);
    expect(skipped.has($('#b').get(0)!)).toBe(false);
  });
});
