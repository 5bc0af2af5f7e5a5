import { afterEach, describe, expect, it, vi } from 'vitest';
import { benchEnv } from './bench-env.js';
import { describePlan } from './plan.js';

describe('npm run bench', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('says up front which benches run, what each costs, the total, and the names to pick', () => {
    const plan = describePlan(['masking', 'reports', 'new-one'], ['masking', 'reports', 'crawler', 'new-one']);
    expect(plan).toBe(
      [
        'benches: masking ~7 s, reports ~40 s, new-one ~?',
        'whole run: about 47 s plus the unmeasured ones (measured on 2 cores)',
        'run only some: npm run bench -- masking | reports | crawler | new-one (several may be named)',
      ].join('\n'),
    );
    expect(describePlan(['crawler', 'classifier'], ['crawler', 'classifier'])).toMatch(/whole run: about 1\d min/);
  });

  it('uses the REDIS_URL and DATABASE_URL of the environment, else the default Redis and a SQLite file of its own', () => {
    vi.stubEnv('REDIS_URL', 'redis://10.1.2.3:6380');
    vi.stubEnv('DATABASE_URL', 'postgres://bench@db/bench');
    expect(benchEnv('b', '/tmp/x', 'b.db')).toMatchObject({
      REDIS_URL: 'redis://10.1.2.3:6380',
      DATABASE_URL: 'postgres://bench@db/bench',
      DATA_DIR: '/tmp/x',
    });
    vi.stubEnv('REDIS_URL', '');
    vi.stubEnv('DATABASE_URL', '');
    const env = benchEnv('b', '/tmp/x', 'b.db', { RATE_LIMIT_PER_MINUTE: '9' });
    expect(env).not.toHaveProperty('REDIS_URL');
    expect(env).toMatchObject({ DATABASE_URL: '/tmp/x/b.db', RATE_LIMIT_PER_MINUTE: '9', LOG_LEVEL: 'silent' });
  });
});
