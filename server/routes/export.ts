import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { audit, listListings } from '../../store/index.js';
import type { Api, AppDeps } from '../app.js';
import { callerOf, REVIEWERS } from '../auth.js';
import { ErrorResponses } from '../schemas.js';
import { ListingFilterFields, maskRow, storeFilters } from './listings.js';

const ExportQuerySchema = z.object({ format: z.enum(['jsonl', 'csv']).default('jsonl'), ...ListingFilterFields }).strict();

const COLUMNS = ['id', 'site', 'url', 'title', 'description', 'price', 'seller', 'flagged', 'score', 'category', 'decision', 'reports', 'fetchedAt', 'contentHash'] as const;

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs crawled text as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}


/** GET /api/v1/export: the listings of a filter as evidence (masked), streamed, and logged. */
export function registerExport(app: Api, deps: AppDeps): void {
  app.get('/api/v1/export', {
    config: { roles: REVIEWERS },
    schema: { summary: 'The listings of a filter as an evidence file (JSON Lines or CSV, masked)', tags: ['review'], querystring: ExportQuerySchema, response: ErrorResponses },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const { format, ...rest } = request.query;
    const filters = storeFilters(rest);
    await audit(deps.store, caller.name, 'export', null, JSON.stringify({ format, ...filters }));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="faceleak-export-${stamp}.${format}"`);
    const store = deps.store;
    async function* lines() {
      if (format === 'csv') yield `\ufeff${COLUMNS.join(',')}\n`;
      let cursor: { score: number; id: number } | null = null;
      for (;;) {
        const page = await listListings(store, filters, cursor, 500);
        for (const row of page.map(maskRow)) {
          yield format === 'csv' ? `${COLUMNS.map((c) => csvCell(row[c])).join(',')}\n` : `${JSON.stringify(row)}\n`;
        }
        if (page.length < 500) return;
        cursor = page.at(-1)!;
      }
    }
    // A stream, not JSON: the route's response schemas describe only its errors.
    return (reply as FastifyReply).send(Readable.from(lines()));
  });
}
