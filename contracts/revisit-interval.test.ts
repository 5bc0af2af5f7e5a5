import { describe, expect, it } from 'vitest';
import { parseInterval, revisitIntervals } from './revisit-interval.js';
import { SiteConfigSchema } from './site-config.js';

describe('parseInterval', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseInterval('2s')).toBe(2000);
    expect(parseInterval('15m')).toBe(900_000);
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('7d')).toBe(604_800_000);
    expect(parseInterval('1.5h')).toBe(5_400_000);
    expect(parseInterval(' 30 s ')).toBe(30_000);
  });

  it('refuses other units, bare numbers and intervals out of range', () => {
    for (const bad of ['', '10', '1w', '1mo', 'h', '-1h', '0s', '0.5s', '400d', '1h30m']) expect(parseInterval(bad), bad).toBeNull();
  });
});

describe('a site config with revisit and removedPattern', () => {
  const base = { name: 'm', startUrls: ['https://m.example/s'] };

  it('is off by default', () => {
    const site = SiteConfigSchema.parse(base);
    expect(site.revisit).toBeUndefined();
    expect(revisitIntervals(site)).toBeNull();
  });

  it('keeps the intervals as written and gives them in ms', () => {
    const site = SiteConfigSchema.parse({ ...base, revisit: { index: '1h', listing: '7d' }, removedPattern: '/removed' });
    expect(site.revisit).toEqual({ index: '1h', listing: '7d' });
    expect(revisitIntervals(site)).toEqual({ indexMs: 3_600_000, listingMs: 604_800_000 });
  });

  it('names every bad field', () => {
    const r = SiteConfigSchema.safeParse({ ...base, revisit: { index: '1 week', listng: '7d' }, removedPattern: '(' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths.some((p) => p.startsWith('revisit.index: must be a number and a unit'))).toBe(true);
    expect(paths.some((p) => p.includes('listng'))).toBe(true);
    expect(paths.some((p) => p.startsWith('removedPattern: must be a valid regular expression'))).toBe(true);
  });

  it('wants at least one interval when revisit is given', () => {
    const r = SiteConfigSchema.safeParse({ ...base, revisit: {} });
    expect(r.error!.issues.map((i) => i.message).join()).toMatch(/give "index", "listing" or both/);
  });
});
