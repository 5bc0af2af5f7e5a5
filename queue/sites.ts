import type { Redis } from 'ioredis';
import { allowedHostsOf, SiteConfigSchema, type SiteConfig } from '../contracts/index.js';
import type { RedisKeys } from './names.js';

/**
 * The configured sites: every site a crawl ran with, and those the server loaded from SITES_DIR.
 * Kept in Redis so a worker on any machine can tell that a reported URL belongs to one of them.
 */
export async function registerSites(redis: Redis, keys: RedisKeys, sites: readonly SiteConfig[]): Promise<void> {
  if (sites.length === 0) return;
  await redis.hset(keys.sites, Object.fromEntries(sites.map((s) => [s.name, JSON.stringify(s)])));
}

/** Every configured site, by name. An entry written by an older version that no longer parses is skipped, not fatal. */
export async function configuredSites(redis: Redis, keys: RedisKeys): Promise<SiteConfig[]> {
  const all = await redis.hvals(keys.sites);
  return all.flatMap((raw) => {
    const parsed = SiteConfigSchema.safeParse(JSON.parse(raw));
    return parsed.success ? [parsed.data] : [];
  }).sort((a, b) => a.name.localeCompare(b.name));
}

/** The configured site whose allowed hosts include the URL's host, or null. */
export async function siteForUrl(redis: Redis, keys: RedisKeys, url: string): Promise<SiteConfig | null> {
  const host = new URL(url).host.toLowerCase();
  return (await configuredSites(redis, keys)).find((s) => allowedHostsOf(s).includes(host)) ?? null;
}
