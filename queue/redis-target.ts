/**
 * Where Redis is, read from a resolved Redis URL: one node, or the seed nodes of a Redis Cluster.
 *
 * The resolved URL is the one string every faceleak process passes around (commands, server, workers),
 * so it also carries the cluster choice: several nodes separated by commas
 * (`redis://10.0.0.1:7000,10.0.0.2:7000` or `redis://a:7000,redis://b:7000`) or `?cluster=1` (what
 * REDIS_CLUSTER=1 adds to a single seed node) mean a cluster.
 */
export interface RedisTarget {
  readonly cluster: boolean;
  readonly nodes: readonly { host: string; port: number }[];
  /** User, password, TLS and database of the first node, applied to every node. */
  readonly url: URL;
}

const CLUSTER_PARAM = 'cluster';

export function redisTarget(raw: string): RedisTarget {
  const parts = raw.split(',').map((p) => p.trim());
  const first = new URL(parts[0]!);
  const scheme = first.protocol;
  const nodes = parts.map((p) => {
    const u = new URL(/^rediss?:\/\//.test(p) ? p : `${scheme}//${p}`);
    return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) };
  });
  const flagged = ['1', 'true', 'yes'].includes(first.searchParams.get(CLUSTER_PARAM) ?? '');
  first.searchParams.delete(CLUSTER_PARAM);
  return { cluster: flagged || parts.length > 1, nodes, url: first };
}

/** The URL as a cluster's seed: `?cluster=1` added unless it already names several nodes. */
export function asClusterUrl(raw: string): string {
  if (redisTarget(raw).cluster) return raw;
  const u = new URL(raw);
  u.searchParams.set(CLUSTER_PARAM, '1');
  return u.toString();
}
