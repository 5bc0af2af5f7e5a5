import { describe, expect, it } from 'vitest';
import { asClusterUrl, redisTarget } from './redis-target.js';

describe('redisTarget', () => {
  it('reads one node as a single Redis', () => {
    const t = redisTarget('redis://:secret@10.0.0.1:6380/2');
    expect(t).toMatchObject({ cluster: false, nodes: [{ host: '10.0.0.1', port: 6380 }] });
    expect(t.url.password).toBe('secret');
  });

  it('reads several nodes, with or without their scheme, as the seeds of a cluster', () => {
    expect(redisTarget('rediss://u:p@a:7000,b:7001,rediss://c:7002')).toMatchObject({
      cluster: true,
      nodes: [
        { host: 'a', port: 7000 },
        { host: 'b', port: 7001 },
        { host: 'c', port: 7002 },
      ],
    });
  });

  it('marks a single seed node as a cluster when REDIS_CLUSTER=1, and drops the mark from the node URL', () => {
    const url = asClusterUrl('redis://127.0.0.1:7000');
    expect(url).toBe('redis://127.0.0.1:7000?cluster=1');
    expect(redisTarget(url)).toMatchObject({ cluster: true, nodes: [{ host: '127.0.0.1', port: 7000 }] });
    expect(redisTarget(url).url.search).toBe('');
    expect(asClusterUrl('redis://a:1,b:2')).toBe('redis://a:1,b:2');
  });
});
