import type { Redis } from 'ioredis';
import { createRequire } from 'node:module';
import type { RedisKeys } from '../queue/index.js';
import { RetryableError } from '../contracts/index.js';
import { fetchUrl, type FetchPolicy } from './fetch/http-client.js';

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS whose types declare an ES default export; require gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => RobotsRules;

/** The token our rules are looked up under in robots.txt. */
export const ROBOTS_AGENT = 'faceleak-crawler';

/** What robots.txt said for an origin, as cached in Redis. */
interface RobotsRecord {
  readonly rule: 'parse' | 'allow-all' | 'disallow-all';
  readonly body?: string;
  readonly reason: string;
}

export interface RobotsVerdict {
  readonly allowed: boolean;
  /** Crawl-delay for our agent, in ms (0 if none). */
  readonly crawlDelayMs: number;
  readonly reason: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// An unreachable robots.txt disallows everything (RFC 9309 §2.3.1.4); ask again sooner than a day.
const UNREACHABLE_TTL_MS = 10 * 60 * 1000;

/**
 * robots.txt per RFC 9309: 2xx is parsed (robots-parser), 4xx means everything is allowed, 5xx
 * and network errors mean everything is disallowed. Each origin is fetched once per day for every
 * worker (Redis), and parsed once per process.
 */
export class Robots {
  private readonly parsed = new Map<string, { at: number; check: (url: string) => RobotsVerdict }>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async check(url: string, policy: FetchPolicy): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    const local = this.parsed.get(origin);
    if (local && Date.now() - local.at < UNREACHABLE_TTL_MS) return local.check(url);
    const record = await this.load(origin, policy);
    const check = compile(origin, record);
    this.parsed.set(origin, { at: Date.now(), check });
    return check(url);
  }

  private async load(origin: string, policy: FetchPolicy): Promise<RobotsRecord> {
    const key = this.keys.robots(origin);
    const cached = await this.redis.get(key);
    if (cached) return JSON.parse(cached) as RobotsRecord;
    const record = await fetchRobots(origin, policy);
    await this.redis.set(key, JSON.stringify(record), 'PX', record.rule === 'disallow-all' ? UNREACHABLE_TTL_MS : DAY_MS);
    return record;
  }
}

async function fetchRobots(origin: string, policy: FetchPolicy): Promise<RobotsRecord> {
  try {
    const r = await fetchUrl(`${origin}/robots.txt`, { ...policy, maxBytes: 500 * 1024 });
    if (r.status >= 200 && r.status < 300) return { rule: 'parse', body: r.body, reason: 'robots.txt' };
    if (r.status >= 400 && r.status < 500) return { rule: 'allow-all', reason: `robots.txt answered ${r.status}: everything allowed` };
    return { rule: 'disallow-all', reason: `robots.txt answered ${r.status}: everything disallowed until it answers` };
  } catch (error) {
    if (!(error instanceof RetryableError)) throw error;
    return { rule: 'disallow-all', reason: `robots.txt unreachable (${error.message}): everything disallowed` };
  }
}

function compile(origin: string, record: RobotsRecord): (url: string) => RobotsVerdict {
  if (record.rule !== 'parse') {
    const allowed = record.rule === 'allow-all';
    return () => ({ allowed, crawlDelayMs: 0, reason: record.reason });
  }
  const robots = robotsParser(`${origin}/robots.txt`, record.body ?? '');
  const delay = robots.getCrawlDelay(ROBOTS_AGENT);
  const crawlDelayMs = typeof delay === 'number' && delay > 0 ? delay * 1000 : 0;
  return (url) => {
    const allowed = robots.isAllowed(url, ROBOTS_AGENT) !== false;
    return { allowed, crawlDelayMs, reason: allowed ? 'allowed by robots.txt' : 'disallowed by robots.txt' };
  };
}
