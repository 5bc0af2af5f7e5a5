import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowedHostsOf, isHttpUrl, SiteConfigSchema, type SiteConfig, UserError } from '../contracts/index.js';

export class SiteConfigError extends UserError {
  override name = 'SiteConfigError';
}

/** Parses a site config; every bad field gets its own line, named by its path. */
export function parseSiteConfig(json: unknown, source = 'site config'): SiteConfig {
  const parsed = SiteConfigSchema.safeParse(json);
  if (parsed.success) {
    const site = parsed.data;
    const hosts = new Set((site.allowedHosts ?? []).map((h) => h.toLowerCase()));
    if (site.allowedHosts) {
      const outside = site.startUrls.filter((u) => !hosts.has(new URL(u).host.toLowerCase()));
      if (outside.length > 0) throw new SiteConfigError(`${source}:\n  startUrls: ${outside.join(', ')} not in allowedHosts`);
    }
    return site;
  }
  const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
  throw new SiteConfigError(`${source} has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
}

/**
 * Checks `--seed` URLs as the config's startUrls are checked (http(s) only, host in the site's
 * allowed hosts), before anything is queued: a bad seed is a usage error, not a job that is retried
 * and then recorded as a failure. Every bad seed gets its own line.
 */
export function checkSeeds(site: SiteConfig, seeds: readonly string[]): void {
  const hosts = allowedHostsOf(site);
  const problems = seeds.flatMap((seed) => {
    if (!isHttpUrl(seed)) return [`  ${seed}: must be an absolute http(s) URL`];
    const host = new URL(seed).host.toLowerCase();
    return hosts.includes(host) ? [] : [`  ${seed}: host ${host} is not one of the site's allowed hosts (${hosts.join(', ')})`];
  });
  if (problems.length > 0) throw new SiteConfigError(`bad --seed for site ${site.name}:\n${problems.join('\n')}`);
}

export function loadSiteConfig(path: string): SiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SiteConfigError(`cannot read site config ${path}: ${(error as Error).message}`);
  }
  return parseSiteConfig(json, path);
}

/** Every *.json site config in a folder; the first bad one stops with its problems named. */
export function loadSiteConfigDir(dir: string): SiteConfig[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new SiteConfigError(`cannot read SITES_DIR ${dir}: ${(error as Error).message}`);
  }
  const sites = names.map((n) => loadSiteConfig(join(dir, n)));
  const dup = sites.find((s, i) => sites.findIndex((o) => o.name === s.name) !== i);
  if (dup) throw new SiteConfigError(`${dir}: two site configs are named ${dup.name}`);
  return sites;
}
