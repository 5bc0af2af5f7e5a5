import type { Store } from './open.js';

/** Records a URL a crawl gave up on; the same URL again keeps the latest reason. */
export async function recordCrawlFailure(store: Store, f: { crawlId: string; site: string; url: string; reason: string; attempts: number }): Promise<void> {
  const values = { crawl_id: f.crawlId, site: f.site, url: f.url, reason: f.reason, attempts: f.attempts, failed_at: new Date().toISOString() };
  await store.db
    .insertInto('crawl_failures')
    .values(values)
    .onConflict((oc) => oc.columns(['crawl_id', 'url']).doUpdateSet({ reason: values.reason, attempts: values.attempts, failed_at: values.failed_at }))
    .execute();
}

export async function crawlFailures(store: Store, crawlId: string): Promise<{ url: string; reason: string; attempts: number }[]> {
  return store.db.selectFrom('crawl_failures').select(['url', 'reason', 'attempts']).where('crawl_id', '=', crawlId).orderBy('id').execute();
}

export interface CrawlFailureRow {
  readonly crawlId: string;
  readonly site: string;
  readonly url: string;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt: string;
}

/** The latest failures, newest first: of one crawl, or of every crawl (`faceleak failures`). */
export async function latestCrawlFailures(store: Store, o: { crawlId?: string; limit: number }): Promise<CrawlFailureRow[]> {
  let query = store.db.selectFrom('crawl_failures').select(['crawl_id', 'site', 'url', 'reason', 'attempts', 'failed_at']);
  if (o.crawlId !== undefined) query = query.where('crawl_id', '=', o.crawlId);
  const rows = await query.orderBy('failed_at', 'desc').orderBy('id', 'desc').limit(o.limit).execute();
  return rows.map((r) => ({ crawlId: r.crawl_id, site: r.site, url: r.url, reason: r.reason, attempts: r.attempts, failedAt: r.failed_at }));
}
