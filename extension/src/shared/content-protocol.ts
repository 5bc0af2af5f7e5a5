/**
 * What the background worker and the term highlighter (the content script) say to each other. Kept
 * free of zod and of anything else heavy: this module is bundled into the script injected into pages.
 */

/** A page's text blocks sent to the term finder are capped, so a huge page cannot stall the worker. */
export const MAX_BLOCKS = 4000;
export const MAX_BLOCK_CHARS = 20_000;

/** Worker → content script: mark the coded terms (on) or take the marks away (off). */
export interface ContentRequest {
  readonly type: 'highlight/apply';
  readonly on: boolean;
}

/** How many spans of each kind were marked (term, part, signal, context: messages.ts TermKind). */
export type MarkCounts = Readonly<Record<'term' | 'part' | 'signal' | 'context', number>>;
export const NO_MARKS: MarkCounts = { term: 0, part: 0, signal: 0, context: 0 };

export interface ContentReply {
  readonly ok: boolean;
  readonly marked: MarkCounts;
  readonly error?: string;
}

/** The flag the highlighter sets on the page's isolated world while its marks are on (read by background/highlight.ts). */
export const HIGHLIGHT_ON_FLAG = 'faceleakHighlightOn';

export function isContentRequest(raw: unknown): raw is ContentRequest {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return r.type === 'highlight/apply' && typeof r.on === 'boolean' && Object.keys(r).length === 2;
}
