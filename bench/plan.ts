/**
 * How long each bench takes, measured on the 2-core CI machine (Node 20, local Redis), so a run can
 * say up front what it will cost. Update a figure when a bench changes. Benches not listed (newer
 * ones) show "?" until someone measures them.
 */
export const BENCH_SECONDS: Readonly<Record<string, number>> = {
  classifier: 240, // two classify runs, the held-out split and natural's baseline on a tenth of it: 3 min on a loaded machine
  crawler: 820, // mostly the 5,000 Chromium pages of the worker-memory run
  reports: 40,
  masking: 7,
  extract: 3, // the synthetic page; a FOLDER of real pages takes longer
  discover: 71,
  'discover-eval': 5,
  link: 45, // 100,000 synthetic listings linked on one core (38 s of linking)
  'link-eval': 2, // the dev seller sets; a FOLDER runs each of its sets
  'link-store': 150, // 5,300 listings linked into a SQLite store; about 6 min with DATABASE_URL on PostgreSQL (a commit per listing saved)
  frontier: 1950, // measured: 10M URLs of bookkeeping 330 s, 1M through 2 worker processes 1,513 s (load average ~14), 100k BullMQ-alone baseline 63 s
};

const minutes = (s: number) => (s >= 90 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);

/** What a run will do: the benches, each one's time and the total, and how to pick some. */
export function describePlan(selected: readonly string[], all: readonly string[]): string {
  const known = selected.filter((n) => BENCH_SECONDS[n] !== undefined);
  const total = known.reduce((sum, n) => sum + BENCH_SECONDS[n]!, 0);
  const each = selected.map((n) => `${n} ~${BENCH_SECONDS[n] === undefined ? '?' : minutes(BENCH_SECONDS[n]!)}`).join(', ');
  const unknown = known.length < selected.length ? ' plus the unmeasured ones' : '';
  return [
    `benches: ${each}`,
    `whole run: about ${minutes(total)}${unknown} (measured on 2 cores)`,
    `run only some: npm run bench -- ${all.join(' | ')} (several may be named)`,
  ].join('\n');
}
