import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { foldText } from './fold-text.js';
import { symbolLegends } from './symbol-legend.js';

const legend = (s: string) => symbolLegends(foldText(s));

describe('symbolLegends', () => {
  it('reads a made-up mark as the @ or dot its legend says', () => {
    expect(legend('mail: pinefold.docs✿post.example（✿ = @）')).toBe('mail: pinefold.docs@post.example ');
    expect(legend('ask heron◆cams◆example, where ◆ means .')).toContain('heron.cams.example');
  });

  it('leaves marks without a legend, and an "= @" that is no legend, alone', () => {
    for (const s of ['★ best seller ★ mail me', 'price = @ 20 each', 'rate ✿ = @ 5']) expect(legend(s)).toBe(foldText(s));
  });

  it('gives the address as a contact', () => {
    const keys = extractHandles({ id: 'x', description: 'Scans + selfies. Ｍａｉｌ → pinefold.docs✿post.example (✿ = @)' }).map((h) => h.key);
    expect(keys).toContain('email:pinefold.docs@post.example');
  });
});
