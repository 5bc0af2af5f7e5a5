import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills defaults', () => {
    expect(loadConfig({})).toMatchObject({ dataDir: './data', chromiumPath: '/usr/bin/chromium', port: 8080, queuePrefix: 'faceleak' });
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });

  it('reads the environment and names the variable of a bad value', () => {
    expect(loadConfig({ PORT: '9000', REDIS_URL: 'redis://h:1' })).toMatchObject({ port: 9000, redisUrl: 'redis://h:1' });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT="eighty"/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL=.*redis:\/\//);
  });

  it('takes a Redis Cluster from REDIS_CLUSTER=1 or from a REDIS_URL listing several nodes', () => {
    expect(loadConfig({ REDIS_URL: 'redis://h:1' }).redisCluster).toBe(false);
    expect(loadConfig({ REDIS_URL: 'redis://h:1', REDIS_CLUSTER: '1' }).redisCluster).toBe(true);
    expect(loadConfig({ REDIS_URL: 'redis://a:7000,b:7001,redis://c:7002' })).toMatchObject({
      redisCluster: true,
      redisUrl: 'redis://a:7000,b:7001,redis://c:7002',
    });
    expect(() => loadConfig({ REDIS_CLUSTER: '1' })).toThrow(/REDIS_CLUSTER=1 needs REDIS_URL/);
    expect(() => loadConfig({ REDIS_CLUSTER: 'maybe' })).toThrow(/^REDIS_CLUSTER=/);
    expect(() => loadConfig({ REDIS_URL: 'redis://a:7000,b' })).toThrow(/^REDIS_URL=.*host:port/);
  });

  it('splits the extension origins for CORS and refuses one with a path', () => {
    expect(loadConfig({}).extensionOrigins).toEqual([]);
    expect(loadConfig({ EXTENSION_ORIGINS: 'chrome-extension://abc, moz-extension://1-2' }).extensionOrigins).toEqual([
      'chrome-extension://abc',
      'moz-extension://1-2',
    ]);
    expect(() => loadConfig({ EXTENSION_ORIGINS: 'chrome-extension://abc/popup.html' })).toThrow(/^EXTENSION_ORIGINS=/);
  });
});
