import { z } from 'zod';
import { extractListing } from '../../extract/index.js';
import { maskEvidence } from '../../privacy/index.js';
import { maskSensitive } from '../../privacy/index.js';
import { audit, createReport, decisionOfListing, getReport, reportsByReporterOfUrl, verdictOfListing, type NewReport } from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { ANY_ROLE, callerOf, MODERATORS } from '../auth.js';
import { ApiError } from '../errors.js';
import {
  ErrorResponses,
  MyReportsQuerySchema,
  MyReportsResponseSchema,
  ReportAcceptedSchema,
  ReportBodySchema,
  ReportStateSchema,
} from '../../contracts/api.js';

/** What makes two reports the same report (a retry), besides their clientReportId. */
const REPORT_FIELDS = ['url', 'title', 'description', 'price', 'seller', 'note', 'suspectedCategory'] as const satisfies readonly (keyof NewReport)[];

export function registerReports(app: Api, deps: AppDeps): void {
  app.post(
    '/api/v1/reports',
    {
      config: { roles: MODERATORS },
      schema: {
        summary: 'Report a suspect listing',
        description:
          'Stored, then queued for classification (and a recrawl when the host is a site an admin registered for reports). The same clientReportId again with the same content returns the same report and queues nothing new; with other content it is 409 FL_CONFLICT.',
        tags: ['reports'],
        body: ReportBodySchema,
        response: { 202: ReportAcceptedSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const body = request.body;
      // Fields the moderator's page did not give come from its HTML, read with the crawler's extraction; the HTML is not kept.
      const fromHtml = body.html && (!body.title || !body.description) ? extractListing(body.html, body.url) : null;
      const sent: NewReport = {
        clientReportId: body.clientReportId,
        reporter: caller.name,
        url: body.url,
        title: body.title ?? fromHtml?.title ?? null,
        description: body.description ?? fromHtml?.description ?? null,
        price: body.price ?? fromHtml?.price ?? null,
        seller: body.seller ?? fromHtml?.seller ?? null,
        note: body.note ?? null,
        suspectedCategory: body.suspectedCategory ?? null,
      };
      const { report, created } = await createReport(deps.store, sent);
      if (report.reporter !== caller.name) throw new ApiError('FL_CONFLICT', 'clientReportId was used by another reporter; make a new one for each report');
      // A retry sends the same report again; different content under a used id would be silently dropped.
      if (!created && REPORT_FIELDS.some((f) => report[f] !== sent[f]))
        throw new ApiError('FL_CONFLICT', `clientReportId ${body.clientReportId} was already used for a different report; make a new one for each report`);
      // A report seen before is queued again only while it is still waiting (its first queuing may have failed).
      if (created || report.status === 'queued') {
        try {
          await deps.queue.enqueueReport(report.id);
        } catch (error) {
          throw new ApiError('FL_QUEUE_UNAVAILABLE', `the report is stored but could not be queued (${(error as Error).message}); send it again`);
        }
      }
      return reply.status(202).send({ id: report.id, status: report.status });
    },
  );

  app.get(
    '/api/v1/reports',
    {
      config: { roles: MODERATORS },
      schema: {
        summary: 'My reports of one address',
        description:
          "The caller's own reports of exactly this URL, newest first (at most 5): their ids, statuses and times, no text. The extension asks before a moderator reports a page again.",
        tags: ['reports'],
        querystring: MyReportsQuerySchema,
        response: { 200: MyReportsResponseSchema, ...ErrorResponses },
      },
    },
    async (request) => {
      const reports = await reportsByReporterOfUrl(deps.store, callerOf(request).name, request.query.url);
      return { items: reports.map((r) => ({ id: r.id, status: r.status, createdAt: r.createdAt })) };
    },
  );

  app.get(
    '/api/v1/reports/:id',
    {
      config: { roles: ANY_ROLE },
      schema: {
        summary: "A report's status and, once classified, its verdict",
        description:
          "A moderator sees their own reports; investigators see all. Always masked; an answer with a verdict is written to the audit log. `decision` is the investigators' latest decision on the listing and when. `?without=verdict` leaves the verdict out (and so writes nothing to the audit log): the extension asks that way when it only wants the decision.",
        tags: ['reports'],
        params: z.object({ id: z.string() }),
        querystring: z.object({ without: z.literal('verdict').optional() }),
        response: { 200: ReportStateSchema, ...ErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      if (!z.string().uuid().safeParse(request.params.id).success) throw new ApiError('FL_NOT_FOUND', 'no such report');
      const report = await getReport(deps.store, request.params.id);
      // A moderator sees their own reports only; someone else's is as good as absent.
      if (!report || (caller.role === 'moderator' && report.reporter !== caller.name)) throw new ApiError('FL_NOT_FOUND', 'no such report');
      const wantVerdict = request.query.without !== 'verdict';
      const found = wantVerdict && report.status === 'classified' && report.listingId !== null ? await verdictOfListing(deps.store, report.listingId) : null;
      // The verdict may be a recrawled page's, not the moderator's copy: it is crawled text like any
      // listing's, so it is masked (there is no unmask here) and its reading logged. A status alone shows no text.
      if (found) await audit(deps.store, caller.name, 'view', report.listingId, `report ${report.id}`);
      const verdict = found ? { ...found.verdict, evidence: maskEvidence(found.verdict.evidence, found.readFrom) } : null;
      const error = report.error === null ? null : maskSensitive(report.error);
      // Closing the loop for the moderator: what the investigators decided, and when (never who, nor their note).
      const decision = report.listingId === null ? null : await decisionOfListing(deps.store, report.listingId);
      return { id: report.id, status: report.status, ...(verdict ? { verdict } : {}), ...(error ? { error } : {}), ...(decision ? { decision } : {}) };
    },
  );
}
