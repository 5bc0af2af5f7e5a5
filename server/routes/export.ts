import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { audit, evidenceOf, listListings, type ListingEvidence, type ListingRow } from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { callerOf, REVIEWERS } from '../auth.js';
import { ErrorResponses } from '../../contracts/api.js';
import { ListingFilterFields, maskRow, show, shownEvidence, storeFilters } from '../listing-view.js';
import { availabilityFields } from '../takedown-view.js';

const ExportQuerySchema = z.object({ format: z.enum(['jsonl', 'csv']).default('jsonl'), ...ListingFilterFields }).strict();

const COLUMNS = [
  'id',
  'site',
  'url',
  'title',
  'description',
  'price',
  'priceAmount',
  'currency',
  'priceUnit',
  'seller',
  'flagged',
  'review',
  'score',
  'category',
  'modelVersion',
  'evidence',
  'decision',
  'decidedBy',
  'decidedAt',
  'reports',
  'reportNotes',
  'fetchedAt',
  'contentHash',
  'availability',
  'takenDownAt',
  'takedownReason',
  'secondsToTakedown',
] as const;

/** One listing of an evidence file: what was seen, what the model said and why, who reported and who decided. Masked. */
export function evidenceRecord(row: ListingRow, e: ListingEvidence) {
  // Spans point into the verdict's text version; the row's current text is the same text unless it was re-extracted.
  const evidence = e.verdict ? shownEvidence(e.verdict.evidence, false, [e.verdict.text, row]) : [];
  const last = e.decisions.at(-1);
  const { availability, takedown } = availabilityFields(e.takedown);
  return {
    ...maskRow(row),
    // Whether the listing is still up: evidence of how long a platform left it for sale.
    availability,
    takenDownAt: takedown?.at ?? null,
    takedownReason: takedown?.reason ?? null,
    secondsToTakedown: takedown?.afterSeconds ?? null,
    modelVersion: e.verdict?.modelVersion ?? null,
    evidence,
    decidedBy: last?.by ?? null,
    decidedAt: last?.at ?? null,
    decisions: e.decisions.map((d) => ({ ...d, note: show(d.note, false) })),
    reports: e.reports.map((r) => ({ ...r, note: show(r.note, false) })),
  };
}

/** The same record as CSV cells: lists joined with " | ". */
function csvRow(r: ReturnType<typeof evidenceRecord>): string {
  const cells: Record<(typeof COLUMNS)[number], unknown> = {
    ...r,
    evidence: r.evidence.map((x) => `${x.text} (${x.reason})`).join(' | '),
    reports: r.reports.length,
    reportNotes: r.reports.map((x) => `${x.reporter}: ${x.note ?? ''}`).join(' | '),
  };
  return `${COLUMNS.map((c) => csvCell(cells[c])).join(',')}\n`;
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs crawled text as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** GET /api/v1/export: the listings of a filter as evidence (masked), streamed, and logged. */
export function registerExport(app: Api, deps: AppDeps): void {
  app.get(
    '/api/v1/export',
    {
      config: { roles: REVIEWERS },
      schema: {
        summary: 'The listings of a filter as an evidence file (JSON Lines or CSV, masked)',
        tags: ['review'],
        querystring: ExportQuerySchema,
        response: ErrorResponses,
      },
    },
    async (request, reply) => {
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
          const details = await evidenceOf(store, page);
          for (const row of page) {
            const record = evidenceRecord(row, details.get(row.id)!);
            yield format === 'csv' ? csvRow(record) : `${JSON.stringify(record)}\n`;
          }
          if (page.length < 500) return;
          cursor = page.at(-1)!;
        }
      }
      // A stream, not JSON: the route's response schemas describe only its errors.
      return (reply as FastifyReply).send(Readable.from(lines()));
    },
  );
}
