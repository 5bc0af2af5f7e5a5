import { z } from 'zod';
import { CategorySchema } from './verdict.js';

// The API's shapes for code-word discovery: suggestions investigators decide, and the overlay in force.

const nullableText = z.string().nullable();

export const SuggestionSchema = z.object({
  term: z.string(),
  matchKey: z.string(),
  category: z.string(),
  score: z.number(),
  support: z.object({ flagged: z.number(), review: z.number(), benign: z.number() }),
  variants: z.array(z.string()),
  why: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: nullableText,
  decidedAt: nullableText,
  /** Listings it appears in (masked as listings are everywhere). */
  examples: z.array(z.object({ id: z.number(), site: z.string(), title: nullableText, description: nullableText })),
});

export const SuggestionPageSchema = z.object({ items: z.array(SuggestionSchema) });

export const SuggestionDecisionBodySchema = z
  .object({
    matchKey: z.string().min(1).max(200),
    decision: z.enum(['approve', 'reject']),
    /** Approval only: the category the term names (default: discovery's). */
    category: CategorySchema.optional(),
    /** Approval only: counts only with other signs of the trade (classifier/rules/offer.ts); default true, as most jargon also has an innocent meaning. */
    needsSignal: z.boolean().optional(),
    /** Approval only: strength as evidence, 1 weak … 3 strong (default 2). */
    weight: z.number().min(0.5).max(3).optional(),
  })
  .strict();

export const SuggestionDecisionResultSchema = z.object({ matchKey: z.string(), status: z.enum(['approved', 'rejected']), overlayVersion: nullableText });

/** The overlay of approved terms in force, for the extension's highlighter and for export. */
export const LexiconResponseSchema = z.object({ version: nullableText, overlay: z.unknown().nullable() });
