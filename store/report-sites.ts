import { allowedHostsOf, SiteConfigSchema, type SiteConfig } from '../contracts/index.js';
import type { Store } from './open.js';
import type { ReportSitesTable } from './schema.js';

export interface ReportSite {
  readonly site: SiteConfig;
  readonly source: ReportSitesTable['source'];
  /** Whether a report on it is fetched again: never for an allowPrivateNetwork site unless an admin allowed it. */
  readonly recrawl: boolean;
  readonly recrawlPrivate: boolean;
  readonly registeredBy: string;
  readonly registeredAt: string;
}

/** Every registered site, by name. A row whose config no longer parses (an older version's) is skipped, not fatal. */
export async function reportSites(store: Store): Promise<ReportSite[]> {
  const rows = await store.db.selectFrom('report_sites').selectAll().orderBy('name').execute();
  return rows.flatMap((r) => {
    const parsed = SiteConfigSchema.safeParse(JSON.parse(r.config));
    if (!parsed.success) return [];
    const recrawlPrivate = r.recrawl_private === 1;
    return [
      {
        site: parsed.data,
        source: r.source,
        recrawlPrivate,
        recrawl: !parsed.data.allowPrivateNetwork || recrawlPrivate,
        registeredBy: r.registered_by,
        registeredAt: r.registered_at,
      },
    ];
  });
}

/** The registered site whose allowed hosts include the URL's host, or null. */
export async function reportSiteForUrl(store: Store, url: string): Promise<ReportSite | null> {
  const host = new URL(url).host.toLowerCase();
  return (await reportSites(store)).find((s) => allowedHostsOf(s.site).includes(host)) ?? null;
}

/** Registers (or replaces) a site for report recrawls, and logs who did it. */
export async function addReportSite(
  store: Store,
  site: SiteConfig,
  options: { source: ReportSitesTable['source']; by: string; recrawlPrivate: boolean },
): Promise<void> {
  const at = new Date().toISOString();
  const row = {
    name: site.name,
    config: JSON.stringify(site),
    source: options.source,
    recrawl_private: options.recrawlPrivate ? 1 : 0,
    registered_by: options.by,
    registered_at: at,
  };
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_sites')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ config: row.config, source: row.source, recrawl_private: row.recrawl_private, registered_by: row.registered_by, registered_at: at }),
      )
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        actor: options.by,
        action: 'site-add',
        listing_id: null,
        detail: JSON.stringify({ name: site.name, source: options.source, recrawlPrivate: options.recrawlPrivate, hosts: allowedHostsOf(site) }),
        at,
      })
      .execute();
  });
}

/** Removes a registered site; false when there was none of that name. Logged. */
export async function removeReportSite(store: Store, name: string, by: string): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('report_sites').where('name', '=', name).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await trx
      .insertInto('audit_log')
      .values({ actor: by, action: 'site-remove', listing_id: null, detail: JSON.stringify({ name }), at: new Date().toISOString() })
      .execute();
    return true;
  });
}

/**
 * Makes the SITES_DIR entries match the folder: its sites added or updated, entries from a file since
 * removed taken out. A site an admin allowed to recrawl privately keeps that permission while its
 * config is unchanged; entries an admin added by command are left alone.
 */
export async function syncSitesDir(store: Store, sites: readonly SiteConfig[], by: string): Promise<void> {
  const existing = new Map((await reportSites(store)).map((s) => [s.site.name, s]));
  for (const site of sites) {
    const old = existing.get(site.name);
    if (old && old.source === 'sites-dir' && JSON.stringify(old.site) === JSON.stringify(site)) continue;
    const keepPrivate = old?.recrawlPrivate === true && JSON.stringify(old.site) === JSON.stringify(site);
    await addReportSite(store, site, { source: 'sites-dir', by, recrawlPrivate: keepPrivate });
  }
  const names = new Set(sites.map((s) => s.name));
  for (const old of existing.values()) if (old.source === 'sites-dir' && !names.has(old.site.name)) await removeReportSite(store, old.site.name, by);
}
