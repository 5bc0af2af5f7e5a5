import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import type { WatchStats } from '../../pipeline/index.js';
import { parseNumberOption, UsageError } from '../fatal.js';

/** One line of the watch's counters (the same counters `describeWatch` in tests and the README name). */
export function describeWatch(s: WatchStats & { elapsedMs?: number }): string {
  const n = (k: keyof WatchStats) => s[k] ?? 0;
  return (
    `index polls ${n('index_polls')} (${n('index_not_modified')} unchanged, 304) · new listings ${n('listings_found')} · ` +
    `listing visits ${n('listing_visits')}: ${n('listing_not_modified')} 304, ${n('listing_unchanged')} same hash, ` +
    `${n('listing_changed')} changed, ${n('listing_new')} first stored, ${n('taken_down')} taken down · conditional requests ${n('conditional_requests')}` +
    (s.elapsedMs !== undefined ? ` · ${(s.elapsedMs / 1000).toFixed(0)} s` : '')
  );
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description(
      'Keep a marketplace under watch: poll its index pages every revisit.index for new listings, fetch each known listing again every revisit.listing (conditionally: an unchanged page costs a 304), store edits as new versions with new verdicts, and mark listings taken down (404, 410, or a redirect to removedPattern) with the time they were first seen gone. The schedule lives in Redis: it survives restarts, and `faceleak worker` processes anywhere do the visits too.',
    )
    .requiredOption('--site <file>', 'site config (JSON) with "revisit": {"index": "1h", "listing": "7d"} (units s, m, h, d) and optionally "removedPattern"')
    .option('--concurrency <n>', 'visits worked at once in this process', parseNumberOption('--concurrency', 1, 256), 4)
    .option('--enqueue-only', 'only put the site under watch (or update its schedule) and exit; `faceleak worker` processes do the visits')
    .option('--stop', "end the site's watch everywhere: its index polls and pending listing visits are removed (stored listings stay)")
    .option('--stats-every <s>', 'seconds between progress lines on stderr', parseNumberOption('--stats-every', 1, 3600), 30)
    .addHelpText(
      'after',
      [
        '',
        'Runs until SIGINT/SIGTERM; stopping it does not end the watch (use --stop): the next `faceleak watch`',
        'or any `faceleak worker` sharing the Redis carries on where the schedule stands. Running it again',
        "with a changed config updates the schedule. Visits obey the site's rateLimit and robots.txt like a crawl.",
        'Progress on stderr: index polls, new listings, listing visits (304, same hash, changed, first stored,',
        'taken down) and conditional requests. The API and review page show each listing as "live" or',
        '"taken down after 3 d 4 h"; /metrics exports time to takedown per site and category.',
        'Redis: REDIS_URL (default redis://127.0.0.1:6379, else a private redis-server under DATA_DIR). Store: DATABASE_URL.',
      ].join('\n'),
    )
    .action(async (opts: { site: string; concurrency: number; enqueueOnly?: boolean; stop?: boolean; statsEvery: number }) => {
      const { loadSiteConfig } = await import('../../crawler/index.js');
      const { runWatch, stopWatch } = await import('../../pipeline/index.js');
      const { resolveRedisUrl } = await import('../../queue/index.js');
      const config = loadConfig();
      const site = loadSiteConfig(opts.site);
      // Checked before Redis is resolved (it may start a private redis-server): nothing to watch is a usage error.
      if (!site.revisit && !opts.stop)
        throw new UsageError(`${opts.site}: site ${site.name} has no "revisit"; add e.g. "revisit": {"index": "1h", "listing": "7d"} to watch it`);
      const say = (m: string) => process.stderr.write(`faceleak: ${m}\n`);
      const redisUrl = await resolveRedisUrl(config, say);
      if (opts.stop) {
        say((await stopWatch(config, redisUrl, site.name)) ? `stopped watching ${site.name}` : `${site.name} was not being watched`);
        return;
      }
      const abort = new AbortController();
      const onSignal = (signal: string) => {
        if (abort.signal.aborted) process.exit(130);
        say(`${signal}: finishing the visits in hand (the watch stays on in Redis; --stop ends it)`);
        abort.abort();
      };
      process.on('SIGINT', () => onSignal('SIGINT'));
      process.on('SIGTERM', () => onSignal('SIGTERM'));
      const { revisit } = site;
      say(
        `watching ${site.name}: ${revisit?.index ? `index every ${revisit.index}` : 'index read once now'}, ` +
          `${revisit?.listing ? `each listing every ${revisit.listing}` : 'each listing fetched once'}`,
      );
      const result = await runWatch({
        config,
        redisUrl,
        site,
        concurrency: opts.concurrency,
        enqueueOnly: opts.enqueueOnly,
        signal: abort.signal,
        statsEveryMs: opts.statsEvery * 1000,
        onStats: (s) => say(describeWatch(s)),
      });
      if (opts.enqueueOnly) say(`${site.name} is under watch (${result.watchId}); run \`faceleak worker\` to do the visits`);
      else say(`stopped: ${describeWatch(result.stats)}`);
      process.exit(0);
    });
}
