import { describe, expect, it } from 'vitest';
import { testConnection } from './connection.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const answering = (answer: () => Promise<Response>) => (async () => answer()) as unknown as typeof fetch;
const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('test connection', () => {
  it('names who the token belongs to', async () => {
    expect(
      await testConnection(
        'http://127.0.0.1:8080/',
        't',
        ORIGIN,
        answering(() => json(200, { name: 'mod-ana', role: 'moderator' })),
      ),
    ).toEqual({ ok: true, name: 'mod-ana', role: 'moderator' });
  });

  it('says what is wrong: address, reachability, token, role', async () => {
    const check = (url: string, token: string, answer: () => Promise<Response>) => testConnection(url, token, ORIGIN, answering(answer));
    expect(await check('faceleak.example', 't', () => json(200, {}))).toMatchObject({ ok: false, problem: 'bad-url' });
    const unreachable = await check('http://127.0.0.1:9', 't', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(unreachable).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(unreachable.ok ? '' : unreachable.message).toContain(`list ${ORIGIN} in EXTENSION_ORIGINS`);
    expect(await check('http://s.example', 'bad', () => json(401, { error: { code: 'FL_UNAUTHORIZED', message: 'unknown or revoked token' } }))).toMatchObject({
      ok: false,
      problem: 'bad-token',
    });
    const investigator = await check('http://s.example', 't', () => json(200, { name: 'inv-cy', role: 'investigator' }));
    expect(investigator).toMatchObject({ ok: false, problem: 'wrong-role' });
    expect(investigator.ok ? '' : investigator.message).toContain('reports need a moderator token');
    expect(await check('http://s.example', 't', () => json(500, { error: { code: 'FL_INTERNAL', message: 'internal error' } }))).toMatchObject({
      ok: false,
      problem: 'server-error',
    });
  });
});
