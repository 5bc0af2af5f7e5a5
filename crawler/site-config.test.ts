import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedHostsOf } from '../contracts/index.js';
import { checkSeeds, loadSiteConfigDir, parseSiteConfig, SiteConfigError } from './site-config.js';

describe('parseSiteConfig', () => {
  it('fills defaults and derives allowed hosts from the start URLs', () => {
    const site = parseSiteConfig({ name: 'demo', startUrls: ['http://127.0.0.1:8123/s?q=x'] });
    expect(site).toMatchObject({ render: 'auto', allowPrivateNetwork: false, rateLimit: { requestsPerSecond: 1, maxConcurrency: 2 }, dropParams: [] });
    expect(allowedHostsOf(site)).toEqual(['127.0.0.1:8123']);
  });

  it('reports every bad field on its own line', () => {
    const bad = {
      name: 'Bad Name',
      startUrls: ['ftp://x'],
      render: 'maybe',
      rateLimit: { requestsPerSecond: 0 },
      listingUrlPattern: '(',
      fields: { titel: 'h1' },
    };
    let message = '';
    try {
      parseSiteConfig(bad, 'bad.json');
    } catch (error) {
      expect(error).toBeInstanceOf(SiteConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^bad\.json has 6 problems:/);
    for (const path of [
      'name:',
      'startUrls.0: must be an absolute http(s) URL',
      'render:',
      'rateLimit.requestsPerSecond:',
      'listingUrlPattern: must be a valid regular expression',
      'fields:',
    ]) {
      expect(message).toContain(`  ${path}`);
    }
  });

  it('refuses start URLs outside allowedHosts', () => {
    expect(() => parseSiteConfig({ name: 'x', startUrls: ['https://a.example/'], allowedHosts: ['b.example'] })).toThrow(/not in allowedHosts/);
  });
});

describe('loadSiteConfigDir', () => {
  it('reads every site config of a folder and names the file of a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-sites-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ name: 'a', startUrls: ['https://a.example/'] }));
    writeFileSync(join(dir, 'notes.txt'), 'not a site');
    expect(loadSiteConfigDir(dir).map((s) => s.name)).toEqual(['a']);
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ name: 'B!', startUrls: [] }));
    expect(() => loadSiteConfigDir(dir)).toThrow(/b\.json has 2 problems/);
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ name: 'a', startUrls: ['https://b.example/'] }));
    expect(() => loadSiteConfigDir(dir)).toThrow(/two site configs are named a/);
    expect(() => loadSiteConfigDir(join(dir, 'nope'))).toThrow(SiteConfigError);
  });
});

describe('checkSeeds', () => {
  const site = parseSiteConfig({ name: 'm', startUrls: ['https://market.example/s'], allowedHosts: ['market.example', 'img.example:8443'] });

  it('accepts http(s) seeds on an allowed host, whatever the case of the host', () => {
    expect(() => checkSeeds(site, ['https://MARKET.example/item/1', 'http://img.example:8443/x'])).not.toThrow();
  });

  it('refuses a non-http seed and one on another host, naming each', () => {
    let message = '';
    try {
      checkSeeds(site, ['file:///etc/passwd', 'https://market.example/ok', 'https://evil.example/x', 'not a url']);
    } catch (error) {
      expect(error).toBeInstanceOf(SiteConfigError);
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'bad --seed for site m:',
      '  file:///etc/passwd: must be an absolute http(s) URL',
      "  https://evil.example/x: host evil.example is not one of the site's allowed hosts (market.example, img.example:8443)",
      '  not a url: must be an absolute http(s) URL',
    ]);
  });
});
