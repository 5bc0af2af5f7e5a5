import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { redactedUrl, redactingLogger } from './log-redaction.js';

describe('the request log', () => {
  it('keeps query parameter names, never their values', () => {
    expect(redactedUrl('/api/v1/listings?q=4403041990&flagged=true')).toBe('/api/v1/listings?q=…&flagged=…');
    expect(redactedUrl('/review?token=secret')).toBe('/review?token=…');
    expect(redactedUrl('/healthz')).toBe('/healthz');
  });

  it('writes no searched number and no token to the log of a served request', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const app = Fastify({ loggerInstance: redactingLogger(pino({ level: 'info' }, sink)) });
    app.get('/api/v1/listings', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/api/v1/listings?q=440304199001&token=s3cr3t' });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/api/v1/listings?q=…&token=…');
    expect(log).not.toContain('440304199001');
    expect(log).not.toContain('s3cr3t');
  });
});
