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

export interface ContentReply {
  readonly ok: boolean;
  readonly marked: number;
  readonly error?: string;
}

export function isContentRequest(raw: unknown): raw is ContentRequest {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return r.type === 'highlight/apply' && typeof r.on === 'boolean' && Object.keys(r).length === 2;
}
