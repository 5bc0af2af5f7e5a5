import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AUTH_FAILURES_PER_WINDOW } from '../server/auth-failures.js';
import { createToken } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

const me = (app: FastifyInstance, token: string, forwardedFor?: string) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}`, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } });

describe('guessing tokens', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'auth-limit');

  it('is refused per address after a few failures, whatever X-Forwarded-For says', async () => {
    const good = await createToken(s.t.store, 'inv-a', 'investigator');
    // Each guess is a new token, so a per-token limit would never trip; the address is what counts.
    for (let i = 0; i < AUTH_FAILURES_PER_WINDOW; i++) expect((await me(s.app, `fl_guess_${i}`, `203.0.113.${i}`)).statusCode).toBe(401);
    const blocked = await me(s.app, 'fl_guess_next', '198.51.100.7');
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([429, 'FL_RATE_LIMITED']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The guesser's address is shut out for the window, token or not.
    expect((await me(s.app, good)).statusCode).toBe(429);
  });
});

describe('behind a trusted proxy', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'auth-proxy', { trustProxy: '127.0.0.1' });

  it('counts each forwarded client on its own', async () => {
    const good = await createToken(s.t.store, 'inv-b', 'investigator');
    for (let i = 0; i < AUTH_FAILURES_PER_WINDOW + 1; i++) await me(s.app, `fl_guess_${i}`, '203.0.113.9');
    expect((await me(s.app, 'fl_guess_x', '203.0.113.9')).statusCode).toBe(429);
    expect((await me(s.app, good, '198.51.100.7')).statusCode).toBe(200);
  });
});
