import { z } from 'zod';
import type { ListingText } from '../../../contracts/index.js';
import { MAX_BLOCK_CHARS, MAX_BLOCKS, type MarkCounts } from './content-protocol.js';
import { type OutboxItem, ReportDraftSchema } from './report.js';

/**
 * Every message the extension's pages and content script send to the background service worker,
 * checked on arrival: a message that does not parse is refused, whoever sent it. Pages (popup,
 * options) may send any of them; a content script lives in a web page the moderator does not control,
 * so it may only ask which terms its text holds.
 */

const TabId = z.number().int().nonnegative();

export const RequestSchema = z.discriminatedUnion('type', [
  /** Read the listing fields of a tab (the moderator opened the popup or pressed the shortcut there). */
  z.object({ type: z.literal('page/read'), tabId: TabId }).strict(),
  /** Queue a report in the outbox (it gets its clientReportId there). */
  z.object({ type: z.literal('report/submit'), draft: ReportDraftSchema }).strict(),
  z.object({ type: z.literal('reports/list') }).strict(),
  /** Send and poll everything waiting now, ignoring backoff (the popup's "Retry now"). */
  z.object({ type: z.literal('reports/retry') }).strict(),
  z.object({ type: z.literal('highlight/set'), tabId: TabId, on: z.boolean() }).strict(),
  /** Whether the tab's page shows our marks now (the popup ticks its box accordingly). */
  z.object({ type: z.literal('highlight/get'), tabId: TabId }).strict(),
  /** Ask again for the investigators' decisions on recent finished reports (the popup, when it opens). */
  z.object({ type: z.literal('reports/refresh') }).strict(),
  /** The moderator's reports of this address that the server has (made in another browser, or long ago). */
  z.object({ type: z.literal('reports/earlier'), url: z.string().max(4096) }).strict(),
  /** Check a server address and token before or after saving them (options page). */
  z.object({ type: z.literal('connection/test'), serverUrl: z.string().max(2048), token: z.string().max(500) }).strict(),
  z.object({ type: z.literal('terms/find'), blocks: z.array(z.string().max(MAX_BLOCK_CHARS)).max(MAX_BLOCKS) }).strict(),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Types a content script may send. */
const CONTENT_SCRIPT_TYPES: ReadonlySet<RequestType> = new Set(['terms/find']);

/** The listing fields read from a page, as the popup shows them before sending. */
export interface PageFields extends ListingText {
  readonly url: string;
  /** Which extraction sources gave fields (selector, json-ld, microdata, opengraph, heading, main-content, text). */
  readonly sources: readonly string[];
}

/** term: a coded word; part: an ordinary word that is part of an offer's structure; signal: a sale's terms; context: lowers the score. */
export type TermKind = 'term' | 'part' | 'signal' | 'context';
/** A span of one text block to highlight, with the classifier's reason for it. */
export interface TermSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: TermKind;
  readonly reason: string;
}

/**
 * What "Test connection" found wrong, each with its own fix: cors (the server answers but refuses this
 * extension), no-answer (nothing listens at that address and port), wrong-port (the host answers on
 * another port), unknown-host (no such machine answers), not-faceleak (something else answers there).
 */
export type ConnectionProblem = 'bad-url' | 'cors' | 'no-answer' | 'wrong-port' | 'unknown-host' | 'not-faceleak' | 'bad-token' | 'wrong-role' | 'server-error';
export type ConnectionResult =
  { readonly ok: true; readonly name: string; readonly role: string } | { readonly ok: false; readonly problem: ConnectionProblem; readonly message: string };

/** What the worker answers to each request type. */
export interface Responses {
  'page/read': PageFields;
  'report/submit': { clientReportId: string };
  'reports/list': { items: OutboxItem[] };
  'reports/retry': { waiting: number };
  'highlight/set': { marked: MarkCounts };
  'highlight/get': { on: boolean };
  'reports/refresh': { changed: number };
  /** The newest such report (ms since the epoch, server status), or null: none, or the server could not say. */
  'reports/earlier': { earlier: { at: number; status: string } | null };
  'connection/test': ConnectionResult;
  'terms/find': { spans: TermSpan[][] };
}

export type Reply<T extends RequestType = RequestType> = { ok: true; value: Responses[T] } | { ok: false; error: string };

/** Who sent a message, as runtime.onMessage tells it (the fields we rely on). */
export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: unknown;
}

/**
 * The request a message carries if its sender may send it, else why not. `extensionBase` is
 * runtime.getURL(''): extension pages are the senders whose URL starts with it.
 */
export function admitRequest(
  raw: unknown,
  sender: SenderInfo,
  ownId: string,
  extensionBase: string,
): { ok: true; request: Request } | { ok: false; error: string } {
  if (sender.id !== ownId) return { ok: false, error: 'message from another extension' };
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `bad message: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}` };
  }
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(extensionBase);
  if (!fromPage && !CONTENT_SCRIPT_TYPES.has(parsed.data.type)) return { ok: false, error: `${parsed.data.type} is not allowed from a web page` };
  return { ok: true, request: parsed.data };
}
