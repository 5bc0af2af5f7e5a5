import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { JOB_NAMES, UserError, revisitIntervals, type RevisitJob, type SiteConfig } from '../contracts/index.js';
import { CRAWL_JOB_OPTIONS, type WorkQueue } from '../queue/index.js';
import { canonicalUrl } from '../crawler/index.js';

/**
 * Where a watched site's schedule lives, all in Redis so it outlives every process:
 *  - its settings (the site config) under the crawl-settings key of its watch id, as a crawl's are;
 *  - one BullMQ job scheduler per start URL, producing an index poll every `revisit.index`;
 *  - one delayed job per known listing, each visit queuing the next `revisit.listing` later;
 *  - the keys below. Every visit waits for a slot on its host like any crawl page (crawler/politeness).
 * Kept here, not in queue/names.ts, while queue/ is being rewritten (issue 16, compact frontier); the
 * keys carry the watch id as a hash tag so a MULTI over them stays on one Redis Cluster slot.
 */
export function watchKeys(prefix: string, watchId: string) {
  const base = `${prefix}:watch:{${watchId}}`;
  return {
    /** SET of 64-bit fingerprints (16 hex) of the listings under watch: a listing found on an index page is new when absent. */
    listings: `${base}:listings`,
    /**
     * HASH: listing fingerprint → "due:next", the last visit that advanced the listing's visit chain and
     * the visit it queued (see ADVANCE). Keeps one chain per listing under retries and restarts.
     */
    chains: `${base}:chains`,
    /** HASH: index page URL → its last validators (JSON), for the next poll's conditional request. */
    indexValidators: `${base}:index-validators`,
    /** HASH of counters (RevisitCounter): what the watch fetched and found. */
    stats: `${base}:stats`,
  };
}

/** The watch of a site: one per site name, shared by every `faceleak watch` and worker. */
export const watchIdOf = (siteName: string): string => `watch-${siteName}`;

/** A URL's 64-bit fingerprint: what the listing set keeps, and what job ids carry (BullMQ ids may not hold ':'). */
export const fingerprint = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 16);

/**
 * What a watch counts. Delivery is at least once, so a job retried after it counted may count twice:
 * these are operational figures, not the record (the store is).
 */
export type RevisitCounter =
  | 'index_polls'
  | 'index_not_modified'
  | 'listings_found'
  | 'listing_visits'
  | 'listing_not_modified'
  | 'listing_unchanged'
  | 'listing_changed'
  | 'listing_new'
  | 'taken_down'
  | 'conditional_requests';

/**
 * Advances a listing's visit chain, atomically. KEYS[1] chains hash; ARGV[1] fingerprint, ARGV[2] the
 * due time of the visit that ran, ARGV[3] the next due time it proposes. Returns the next due time to
 * queue, or -1 when the visit is not the chain's head (a stray copy: it queues nothing).
 *  - no entry: the listing's first visit starts the chain;
 *  - entry "due:next" with this due: a retry of the visit that already advanced it; the same next
 *    again (the job id is the same, so nothing is added twice, even when the retry runs later);
 *  - entry "prev:due" with this due as next: the chain's head; it moves on.
 */
const ADVANCE = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
  return tonumber(ARGV[3])
end
local sep = string.find(v, ':', 1, true)
local prev, nxt = string.sub(v, 1, sep - 1), string.sub(v, sep + 1)
if prev == ARGV[2] then return tonumber(nxt) end
if nxt == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
  return tonumber(ARGV[3])
end
return -1
`;

interface ScheduleCommands {
  advanceVisitChain(key: string, fp: string, due: string, next: string): Promise<number>;
}

const REVISIT_JOB_OPTIONS: JobsOptions = { ...CRAWL_JOB_OPTIONS, attempts: 3, removeOnFail: { count: 1000 } };

/** Scheduler ids: `${watchId}-index-${fingerprint}` per start URL, so a config's changed start URLs can be told apart. */
const schedulerPrefix = (watchId: string) => `${watchId}-index-`;

export class RevisitSchedule {
  constructor(private readonly queue: WorkQueue) {
    if (!('advanceVisitChain' in queue.redis)) queue.redis.defineCommand('advanceVisitChain', { numberOfKeys: 1, lua: ADVANCE });
  }

  keys(watchId: string) {
    return watchKeys(this.queue.prefix, watchId);
  }

  /**
   * Puts a site under watch (or updates its watch after its config changed): stores its settings, keeps
   * one index scheduler per start URL at the index interval (or queues one poll now when the config has
   * no index interval), and drops schedulers of start URLs the config no longer has. Idempotent: any
   * number of processes may call it.
   */
  async start(site: SiteConfig): Promise<string> {
    const intervals = revisitIntervals(site);
    if (!intervals) throw new UserError(`site ${site.name} has no "revisit" in its config: add e.g. "revisit": {"index": "1h", "listing": "7d"} to watch it`);
    const watchId = watchIdOf(site.name);
    await this.queue.registerCrawl(watchId, site);
    const wanted = new Map(site.startUrls.map((u) => canonicalUrl(u, site.dropParams)).map((u) => [`${schedulerPrefix(watchId)}${fingerprint(u)}`, u]));
    for (const scheduler of await this.queue.queue.getJobSchedulers(0, -1))
      if (scheduler.key.startsWith(schedulerPrefix(watchId)) && !wanted.has(scheduler.key)) await this.queue.queue.removeJobScheduler(scheduler.key);
    for (const [schedulerId, url] of wanted) {
      const data: RevisitJob = { kind: 'revisit', watchId, role: 'index', url, due: 0 };
      if (intervals.indexMs !== null)
        await this.queue.queue.upsertJobScheduler(schedulerId, { every: intervals.indexMs }, { name: JOB_NAMES.revisit, data, opts: REVISIT_JOB_OPTIONS });
      else await this.queue.queue.removeJobScheduler(schedulerId);
    }
    // Without an index interval the index is read once, now, to find the listings to revisit.
    if (intervals.indexMs === null) for (const url of wanted.values()) await this.addIndexPage(watchId, url, Date.now());
    return watchId;
  }

  /**
   * Ends a site's watch: its schedulers and settings go, so index polls stop at once and each pending
   * listing visit ends without queuing another when it comes due.
   */
  async stop(siteName: string): Promise<boolean> {
    const watchId = watchIdOf(siteName);
    for (const scheduler of await this.queue.queue.getJobSchedulers(0, -1))
      if (scheduler.key.startsWith(schedulerPrefix(watchId))) await this.queue.queue.removeJobScheduler(scheduler.key);
    // Pending visits go too, so a watch started again later begins one visit chain per listing, not two.
    // (One pass over the queue's waiting and delayed jobs: stopping a watch is rare.) A visit already
    // under way cannot be removed; it queues no next visit once the settings below are gone.
    for (const job of await this.queue.queue.getJobs(['delayed', 'waiting', 'prioritized']))
      if (job.id?.startsWith(`${watchId}-`)) await this.queue.queue.remove(job.id).catch(() => {});
    const k = this.keys(watchId);
    const removed = await this.queue.redis.del(this.queue.keys.crawlSite(watchId));
    await this.queue.redis.del(k.listings, k.chains, k.indexValidators, k.stats);
    return removed > 0;
  }

  /** Whether the watch is on (its settings are in Redis). */
  async active(watchId: string): Promise<boolean> {
    return (await this.queue.crawlSettings(watchId)) !== null;
  }

  /**
   * Queues a later page of an index poll. The job id names the poll (`poll`: when it began), so a
   * retried index job re-adding its next page adds nothing.
   */
  async addIndexPage(watchId: string, url: string, poll: number): Promise<void> {
    const data: RevisitJob = { kind: 'revisit', watchId, role: 'index', url, due: poll };
    await this.queue.queue.add(JOB_NAMES.revisit, data, { ...REVISIT_JOB_OPTIONS, jobId: `${watchId}-i-${fingerprint(url)}-${poll}` });
  }

  /**
   * Queues the listings an index page shows that the watch does not know yet, for a first visit now,
   * and returns them. The jobs are added before the listings are marked known, with ids named by the
   * poll: a crash in between makes the retried index job re-add the same ids (nothing new) instead of
   * losing a listing.
   */
  async addNewListings(watchId: string, urls: readonly string[], poll: number): Promise<string[]> {
    if (urls.length === 0) return [];
    const k = this.keys(watchId);
    const known = await this.queue.redis.smismember(k.listings, ...urls.map(fingerprint));
    const fresh = urls.filter((_, i) => known[i] === 0);
    if (fresh.length === 0) return [];
    const now = Date.now();
    await this.queue.queue.addBulk(
      fresh.map((url) => ({
        name: JOB_NAMES.revisit,
        data: { kind: 'revisit', watchId, role: 'listing', url, due: now } satisfies RevisitJob,
        opts: { ...REVISIT_JOB_OPTIONS, jobId: `${watchId}-l-${fingerprint(url)}-p${poll}` },
      })),
    );
    await this.queue.redis.sadd(k.listings, ...fresh.map(fingerprint));
    return fresh;
  }

  /**
   * Whether a visit due at `due` is its listing's chain head (or a retry of the visit that advanced it):
   * a listing's first visit, or one ADVANCE would move on from. A stray copy returns false, and is
   * dropped before it fetches anything. (ADVANCE decides again, atomically, when the visit queues the next.)
   */
  async isChainHead(watchId: string, url: string, due: number): Promise<boolean> {
    const entry = await this.queue.redis.hget(this.keys(watchId).chains, fingerprint(url));
    if (entry === null) return true;
    const [prev, next] = entry.split(':');
    return String(due) === prev || String(due) === next;
  }

  /**
   * Queues a listing's next visit, `intervalMs` after the one that was due at `due` (a watch that fell
   * behind, workers down, catches up with one visit, not one per missed interval). The chain record
   * (ADVANCE) makes a retried visit queue the same next visit, under the same job id, however late it
   * runs, and a stray copy of a visit queue none. Returns the next due time, or null for a stray.
   */
  async addNextVisit(watchId: string, url: string, due: number, intervalMs: number, now = Date.now()): Promise<number | null> {
    // A visit that was under way when the watch was stopped queues nothing.
    if (!(await this.active(watchId))) return null;
    const chains = this.keys(watchId).chains;
    const next = Number(
      await (this.queue.redis as unknown as ScheduleCommands).advanceVisitChain(chains, fingerprint(url), String(due), String(nextDue(due, intervalMs, now))),
    );
    if (next < 0) return null;
    const data: RevisitJob = { kind: 'revisit', watchId, role: 'listing', url, due: next };
    await this.queue.queue.add(JOB_NAMES.revisit, data, {
      ...REVISIT_JOB_OPTIONS,
      jobId: `${watchId}-l-${fingerprint(url)}-${next}`,
      delay: Math.max(0, next - now),
    });
    return next;
  }

  async indexValidators(watchId: string, url: string): Promise<{ etag: string | null; lastModified: string | null } | null> {
    const raw = await this.queue.redis.hget(this.keys(watchId).indexValidators, url);
    return raw ? (JSON.parse(raw) as { etag: string | null; lastModified: string | null }) : null;
  }

  async setIndexValidators(watchId: string, url: string, v: { etag: string | null; lastModified: string | null } | undefined): Promise<void> {
    if (v && (v.etag || v.lastModified)) await this.queue.redis.hset(this.keys(watchId).indexValidators, url, JSON.stringify(v));
  }

  async count(watchId: string, counters: Partial<Record<RevisitCounter, number>>): Promise<void> {
    const entries = Object.entries(counters).filter(([, n]) => n);
    if (entries.length === 0) return;
    const m = this.queue.redis.multi();
    for (const [field, n] of entries) m.hincrby(this.keys(watchId).stats, field, n!);
    await m.exec();
  }

  async stats(watchId: string): Promise<Record<RevisitCounter, number>> {
    const raw = await this.queue.redis.hgetall(this.keys(watchId).stats);
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)])) as Record<RevisitCounter, number>;
  }
}

/** The first slot after `now` on the listing's own rhythm (due + n·interval), at least one interval after `due`. */
export function nextDue(due: number, intervalMs: number, now: number): number {
  const behind = Math.max(0, now - due);
  return due + intervalMs * Math.max(1, Math.ceil(behind / intervalMs));
}
