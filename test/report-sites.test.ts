import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../crawler/site-config.js';
import { addReportSite, reportSiteForUrl, reportSites, syncSitesDir } from '../store/index.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

const site = (name: string, host: string, allowPrivateNetwork = false) => parseSiteConfig({ name, startUrls: [`http://${host}/`], allowPrivateNetwork });

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`the report-recrawl registry on ${kind}`, () => {
    let t: TestStore;
    beforeEach(async () => (t = await open()));
    afterEach(() => t.cleanup());
    const names = async () => (await reportSites(t.store)).map((s) => [s.site.name, s.source, s.recrawl]);

    it('follows SITES_DIR, keeps what admins added and what they allowed', async () => {
      await addReportSite(t.store, site('by-hand', 'h.example'), { source: 'admin', by: 'cli:a', recrawlPrivate: false });
      await syncSitesDir(t.store, [site('a', 'a.example'), site('lab', '127.0.0.1:9', true)], 'SITES_DIR x');
      expect(await names()).toEqual([
        ['a', 'sites-dir', true],
        ['by-hand', 'admin', true],
        ['lab', 'sites-dir', false],
      ]);
      // An admin allows the private lab; a restart with the same folder keeps that.
      await addReportSite(t.store, site('lab', '127.0.0.1:9', true), { source: 'admin', by: 'cli:a', recrawlPrivate: true });
      await syncSitesDir(t.store, [site('a', 'a.example'), site('lab', '127.0.0.1:9', true)], 'SITES_DIR x');
      expect((await reportSiteForUrl(t.store, 'http://127.0.0.1:9/item'))?.recrawl).toBe(true);
      // A file taken out of the folder takes its site out; the admin's own entry stays.
      await syncSitesDir(t.store, [site('lab', '127.0.0.1:9', true)], 'SITES_DIR x');
      expect(await names()).toEqual([
        ['by-hand', 'admin', true],
        ['lab', 'sites-dir', true],
      ]);
      expect(await reportSiteForUrl(t.store, 'http://a.example/1')).toBeNull();
    });
  });
}
