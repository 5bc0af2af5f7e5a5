import { z } from 'zod';
import { REPORT_LIMITS as LIMITS, ReportBodySchema } from '../../../contracts/api.js';
import {
  CategorySchema,
  DecisionSchema,
  HttpUrlSchema as AnyHttpUrl,
  ReportStatusSchema as ServerStatusSchema,
  VerdictSchema,
} from '../../../contracts/index.js';

/**
 * A report as the extension keeps it: what the moderator sends, and the outbox item that carries it to
 * the server and back with a verdict. Limits are the server's (contracts/api.ts): a field over them
 * would be refused for good, so drafts are cut to fit.
 */
/** The storage.local key of the outbox (background/outbox.ts); the popup watches it for changes. */
export const OUTBOX_KEY = 'outbox.v1';

export { LIMITS };
export const HttpUrlSchema = AnyHttpUrl.max(LIMITS.url);

/** What the moderator reports: the page's fields as shown to them, a note and a category. */
export const ReportDraftSchema = z
  .object({
    url: HttpUrlSchema,
    title: z.string().nullable(),
    description: z.string().nullable(),
    price: z.string().nullable(),
    seller: z.string().nullable(),
    note: z.string().max(LIMITS.note).optional(),
    suspectedCategory: CategorySchema.optional(),
  })
  .strict();
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

/** The POST /api/v1/reports body, without the page's HTML (never sent: see payloadOf). */
export const ReportPayloadSchema = ReportBodySchema.omit({ html: true });
export type ReportPayload = z.infer<typeof ReportPayloadSchema>;

/** The server's report states (GET /api/v1/reports/:id). */
export { ServerStatusSchema };
export type ServerStatus = z.infer<typeof ServerStatusSchema>;

/**
 * Where an outbox item is:
 * - pending: not yet accepted by the server (sent again, with the same clientReportId, until it is);
 * - sent: accepted (the server's id is known); its status is polled until classified or failed;
 * - done: the server classified it, or its processing failed there;
 * - rejected: the server refused it for good (a 4xx other than 401, 403 and 429), with its message.
 */
export const StageSchema = z.enum(['pending', 'sent', 'done', 'rejected']);
export type Stage = z.infer<typeof StageSchema>;

export const OutboxItemSchema = z.object({
  clientReportId: z.string().uuid(),
  payload: ReportPayloadSchema,
  createdAt: z.number(),
  stage: StageSchema,
  /** Tries since the last progress (send or poll); drives the backoff. */
  attempts: z.number().int().nonnegative(),
  /** When to send or poll next (ms since the epoch). */
  nextAt: z.number(),
  /** Why the item waits with no retry: no server configured yet, or the server refused the token. */
  blocked: z.enum(['setup', 'auth']).nullable(),
  lastError: z.string().nullable(),
  serverId: z.string().nullable(),
  status: ServerStatusSchema.nullable(),
  verdict: VerdictSchema.nullable(),
  serverError: z.string().nullable(),
  // The fields below came later: defaults let items stored by an older version still parse.
  /** Since when nothing answers at the server's address (a network failure): the outbox probes for its return meanwhile. */
  unreachableSince: z.number().nullable().default(null),
  /** What the investigators decided on the listing the report became, and when (ISO time), once they have. */
  decision: z.object({ decision: DecisionSchema, at: z.string() }).nullable().default(null),
  /** When the decision was last asked for (ms since the epoch): a finished report is asked again at most every few minutes. */
  decisionCheckedAt: z.number().nullable().default(null),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

const fit = (text: string | null | undefined, max: number) => {
  const t = text?.trim();
  return t ? t.slice(0, max) : undefined;
};

/**
 * The request body of a draft, its fields cut to the server's limits. The page's HTML is never sent:
 * the server would read it with the same extraction the extension already ran, and it would carry
 * everything else on the page (other people's data included) for nothing.
 */
export function payloadOf(draft: ReportDraft, clientReportId: string): ReportPayload {
  const body: ReportPayload = { url: draft.url, clientReportId };
  const fields = {
    title: fit(draft.title, LIMITS.title),
    description: fit(draft.description, LIMITS.description),
    price: fit(draft.price, LIMITS.price),
    seller: fit(draft.seller, LIMITS.seller),
    note: fit(draft.note, LIMITS.note),
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body[key as keyof typeof fields] = value;
  if (draft.suspectedCategory) body.suspectedCategory = draft.suspectedCategory;
  return body;
}
