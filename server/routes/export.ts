import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CategorySchema } from '../../contracts/index.js';
import { audit, listListings } from '../../store/index.js';
import type { AppDeps } from '../app.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';
import { maskRow } from './listings.js';

const ExportQuerySchema = z
  .object({
    format: z.enum(['jsonl', 'csv']).default('jsonl'),
    flagged: z.enum(['true', 'false']).optional(),
    category: CategorySchema.optional(),
    decision: z.enum(['confirmed', 'dismissed', 'escalated', 'none']).optional(),
    site: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
    minScore: z.coerce.number().min(0).max(1).optional(),
  })
  .strict();

const COLUMNS = ['id', 'site', 'url', 'title', 'description', 'price', 'seller', 'flagged', 'score', 'category', 'decision', 'reports', 'fetchedAt', 'contentHash'] as const;

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs crawled text as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}


/** GET /api/v1/export: the listings of a filter as evidence (masked), streamed, and logged. */
export function registerExport(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/v1/export', async (request, reply) => {
    const caller = await requireRole(deps.store, request, ['investigator', 'admin']);
    const { format, flagged, ...rest } = validate(ExportQuerySchema, request.query, 'query');
    const filters = { ...rest, flagged: flagged === undefined ? undefined : flagged === 'true' };
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
    return reply.send(Readable.from(lines()));
  });
}
