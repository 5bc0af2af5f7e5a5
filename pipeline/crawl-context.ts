import { allowedHostsOf, type SiteConfig } from '../contracts/index.js';
import type { WorkQueue } from '../queue/index.js';
import { PermanentError } from '../contracts/index.js';
import type { FetchPolicy } from '../crawler/index.js';

export interface CrawlContext {
  readonly crawlId: string;
  readonly site: SiteConfig;
  readonly maxPages: number;
  readonly policy: FetchPolicy;
}

/** Per-crawl settings, read once per process from Redis (where the crawl command put them). */
export class CrawlContexts {
  private readonly cache = new Map<string, Promise<CrawlContext>>();

  constructor(
    private readonly queue: WorkQueue,
    private readonly policyOverrides: Partial<FetchPolicy> = {},
  ) {}

  get(crawlId: string): Promise<CrawlContext> {
    let ctx = this.cache.get(crawlId);
    if (!ctx) {
      ctx = this.queue.crawlSettings(crawlId).then((settings) => {
        if (!settings) throw new PermanentError(`crawl ${crawlId} is not registered (its settings expired or were never stored)`);
        const { site, maxPages } = settings;
        return {
          crawlId,
          site,
          maxPages,
          policy: { allowedHosts: new Set(allowedHostsOf(site)), allowPrivateNetwork: site.allowPrivateNetwork, ...this.policyOverrides },
        };
      });
      ctx.catch(() => this.cache.delete(crawlId));
      this.cache.set(crawlId, ctx);
    }
    return ctx;
  }
}
