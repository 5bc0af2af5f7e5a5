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
    expect(unreachable).toMatchObject({ ok: false, problem: 'no-answer' });
    expect(unreachable.ok ? '' : unreachable.message).toMatch(/^nothing answers at 127\.0\.0\.1:9: check the port/);
    expect(await check('http://s.example', 't', () => json(200, { hello: 'world' }))).toMatchObject({ ok: false, problem: 'not-faceleak' });
    expect(await check('http://s.example', 'bad', () => json(401, { error: { code: 'FL_UNAUTHORIZED', message: 'unknown or revoked token' } }))).toMatchObject({
      ok: false,
      problem: 'bad-token',
      message: 'the server does not know this token, or it was revoked [FL_UNAUTHORIZED]',
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

describe('when nothing a script may read comes back', () => {
  // A fetch fake that answers no-cors requests for the URLs in `answering` only, and fails every CORS request.
  const network = (answering: string[]) =>
    (async (url: string, init: RequestInit) => {
      if (init.mode === 'no-cors' && answering.some((u) => url.startsWith(u))) return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
  const problemOf = async (url: string, answering: string[]) => {
    const result = await testConnection(url, 't', ORIGIN, network(answering));
    return result.ok ? 'ok' : `${result.problem}: ${result.message}`;
  };

  it('tells a CORS refusal, a wrong port and an unknown host apart', async () => {
    expect(await problemOf('http://faceleak.example:8080', ['http://faceleak.example:8080/'])).toMatch(
      new RegExp(`^cors: http://faceleak.example:8080 answers, but does not let this extension in.*${ORIGIN} in EXTENSION_ORIGINS`),
    );
    expect(await problemOf('http://faceleak.example:8081', ['http://faceleak.example/'])).toBe(
      'wrong-port: faceleak.example answers, but not on port 8081: check the port in the address.',
    );
    expect(await problemOf('http://faceleak.invalid:8080', [])).toMatch(/^unknown-host: no machine named faceleak.invalid answers: check the name/);
    expect(await problemOf('http://localhost:8080', [])).toMatch(/^no-answer: nothing answers at localhost:8080/);
  });
});
