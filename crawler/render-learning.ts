import type { Redis } from 'ioredis';
import type { RedisKeys } from '../queue/index.js';

/**
 * Learns, per site and page type, whether the static fetch ever yields the listing. A page type
 * (role + first path segment, e.g. listing:/app) whose static fetches keep coming back as empty
 * shells is rendered at once, so a JS-only site stops paying for the static try. Shared in Redis.
 */
export class RenderLearning {
  private readonly cache = new Map<string, { at: number; browserFirst: boolean }>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  static pageType(role: string, url: string): string {
    return `${role}:/${new URL(url).pathname.split('/')[1] ?? ''}`;
  }

  async browserFirst(site: string, pageType: string): Promise<boolean> {
    const cacheKey = `${site} ${pageType}`;
    const hit = this.cache.get(cacheKey);
    if (hit && Date.now() - hit.at < 5000) return hit.browserFirst;
    const [ok, needed] = (await this.redis.hmget(this.keys.renderStats(site), `${pageType}:static-ok`, `${pageType}:needed-browser`)).map(Number);
    // Five shells in a row with no static success, or nine in ten over twenty pages.
    const browserFirst = (ok === 0 && needed! >= 5) || (needed! >= 18 && needed! / (needed! + ok!) >= 0.9);
    this.cache.set(cacheKey, { at: Date.now(), browserFirst });
    return browserFirst;
  }

  async record(site: string, pageType: string, staticWorked: boolean): Promise<void> {
    await this.redis.hincrby(this.keys.renderStats(site), `${pageType}:${staticWorked ? 'static-ok' : 'needed-browser'}`, 1);
  }
}
