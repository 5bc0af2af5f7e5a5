import type { WorkQueue } from '../../queue/index.js';

const listingOf = (id: string) => id.split('-l-')[1]!.split('-')[0]!;

/**
 * A watch's pending listing visits (job ids): the queued ones, plus an active visit whose listing has
 * none queued yet. An active visit that already queued its next one is only finishing, so it is not
 * counted: on a busy machine several can be at that step at once, which is not a forked chain.
 */
export async function pendingVisits(queue: WorkQueue, watchId: string): Promise<string[]> {
  const ours = (ids: (string | undefined)[]) => ids.filter((id): id is string => !!id?.startsWith(`${watchId}-l-`));
  const queued = ours((await queue.queue.getJobs(['delayed', 'waiting', 'prioritized'])).map((j) => j.id));
  const active = ours((await queue.queue.getJobs(['active'])).map((j) => j.id));
  const listings = new Set(queued.map(listingOf));
  return [...queued, ...active.filter((id) => !listings.has(listingOf(id)))];
}

/**
 * Waits for one pending visit per listing, `live` in all, and returns them. A forked chain (two visits of
 * a listing that each queue a next one) keeps two pending for its listing, so it times out; a stray copy
 * (two index polls that overlapped) is dropped unfetched when it runs, and only delays the wait.
 */
export async function oneVisitPerListing(queue: WorkQueue, watchId: string, live: number, timeoutMs = 10_000): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ids = await pendingVisits(queue, watchId);
    if (ids.length === live && new Set(ids.map(listingOf)).size === live) return ids;
    if (Date.now() > end) throw new Error(`expected one pending visit for each of ${live} listings, found ${ids.length}: ${ids.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
