import type { TextField } from './types.js';

/**
 * Evidence spans cut into plain and marked pieces of a field's text. Pure (no DOM) so it runs in
 * Node tests; the listing view turns each marked piece into a <mark>.
 */
export interface Span {
  /** UTF-16 offsets into the field's text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

export interface Segment {
  readonly text: string;
  /** Why this piece is marked; empty for plain text. */
  readonly reasons: readonly string[];
}

/**
 * The text as consecutive segments whose concatenation is the text. Overlapping spans merge into one
 * mark carrying every reason; spans that only touch stay separate marks. Offsets outside the text
 * (a verdict on an older version, a bad record) are clamped, and empty spans dropped, rather than trusted.
 */
export function highlightSegments(text: string, spans: readonly Span[]): Segment[] {
  const clamp = (n: number) => Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : 0, 0), text.length);
  const sorted = spans
    .map((s) => ({ start: clamp(s.start), end: clamp(s.end), reason: s.reason }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number; reasons: string[] }[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.reasons.includes(s.reason)) last.reasons.push(s.reason);
    } else {
      merged.push({ start: s.start, end: s.end, reasons: [s.reason] });
    }
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) segments.push({ text: text.slice(at, m.start), reasons: [] });
    segments.push({ text: text.slice(m.start, m.end), reasons: m.reasons });
    at = m.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), reasons: [] });
  return segments;
}

/** The fields in the order the classifier reads them (contracts' TEXT_FIELDS); a new field fails the typecheck here. */
const FIELD_ORDER = { title: 0, description: 1, price: 2 } as const satisfies Record<TextField, number>;

/**
 * Evidence in text order: by field as the classifier reads the listing, then by offset in the field
 * (a longer span first where two start together), so the list reads in the order the marks appear.
 */
export function inTextOrder<E extends { readonly field: TextField; readonly start: number; readonly end: number }>(evidence: readonly E[]): E[] {
  return [...evidence].sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start || b.end - a.end);
}
