import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { packagePath } from '../../config/index.js';

/**
 * The page shows crawled text, which is hostile: the policy allows only our own bundle, stylesheet
 * and API, and no inline script or style, so text that slipped into the DOM as HTML still could not run.
 */
export const REVIEW_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// The page's sources live in the source tree (web/review/); dist/ holds only the server, so both
// find them from the package root.
const reviewFile = (name: string) => packagePath('web', 'review', name);

let bundle: Promise<string> | undefined;

/**
 * web/review/main.ts bundled for the browser, built on first request and kept for the life of the
 * process. A failed build is not kept, so the next request tries again.
 */
export function reviewBundle(): Promise<string> {
  if (!bundle) {
    bundle = build({
      entryPoints: [reviewFile('main.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      minify: true,
      platform: 'browser',
      legalComments: 'none',
      logLevel: 'silent',
    }).then((result) => {
      const out = result.outputFiles[0];
      if (!out) throw new Error('esbuild produced no output for web/review/main.ts');
      return out.text;
    });
    bundle.catch(() => {
      bundle = undefined;
    });
  }
  return bundle;
}

/** Security headers on every answer of these routes, errors included (a route onSend hook runs for them too). */
async function securityHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('content-security-policy', REVIEW_PAGE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  return payload;
}

/** GET / (the investigators' review page), /review.js and /review.css. The page itself needs no token; every API call does. */
export function registerReviewPage(app: FastifyInstance): void {
  const options = { onSend: securityHeaders };
  app.get('/', options, async (_request, reply) => {
    const html = await readFile(reviewFile('index.html'), 'utf8');
    // The page is small and changes with the server: never serve a stale copy.
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });
  app.get('/review.js', options, async (_request, reply) => {
    const js = await reviewBundle();
    return reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(js);
  });
  app.get('/review.css', options, async (_request, reply) => {
    const css = await readFile(reviewFile('review.css'), 'utf8');
    return reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(css);
  });
}
