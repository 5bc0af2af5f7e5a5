import { describe, expect, it } from 'vitest';
import { allowedHostsOf } from '../contracts/index.js';
import { parseSiteConfig, SiteConfigError } from './site-config.js';

describe('parseSiteConfig', () => {
  it('fills defaults and derives allowed hosts from the start URLs', () => {
    const site = parseSiteConfig({ name: 'demo', startUrls: ['http://127.0.0.1:8123/s?q=x'] });
    expect(site).toMatchObject({ render: 'auto', allowPrivateNetwork: false, rateLimit: { requestsPerSecond: 1, maxConcurrency: 2 }, dropParams: [] });
    expect(allowedHostsOf(site)).toEqual(['127.0.0.1:8123']);
  });

  it('reports every bad field on its own line', () => {
    const bad = { name: 'Bad Name', startUrls: ['ftp://x'], render: 'maybe', rateLimit: { requestsPerSecond: 0 }, listingUrlPattern: '(', fields: { titel: 'h1' } };
    let message = '';
    try {
      parseSiteConfig(bad, 'bad.json');
    } catch (error) {
      expect(error).toBeInstanceOf(SiteConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^bad\.json has 6 problems:/);
    for (const path of ['name:', 'startUrls.0: must be an absolute http(s) URL', 'render:', 'rateLimit.requestsPerSecond:', 'listingUrlPattern: must be a valid regular expression', 'fields:']) {
      expect(message).toContain(`  ${path}`);
    }
  });

  it('refuses start URLs outside allowedHosts', () => {
    expect(() => parseSiteConfig({ name: 'x', startUrls: ['https://a.example/'], allowedHosts: ['b.example'] })).toThrow(/not in allowedHosts/);
  });
});
