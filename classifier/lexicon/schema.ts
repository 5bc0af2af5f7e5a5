import { z } from 'zod';
import { CategorySchema } from '../../contracts/index.js';

/** Schemas of the lexicon's data files (classifier/lexicon/data/*.json). */

const Forms = z.array(z.string().min(1)).min(1);

export const TermEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  category: CategorySchema,
  lang: z.enum(['zh', 'en', 'mix']),
  weight: z.number().positive().max(5),
  needsSignal: z.boolean(),
  homophones: z.boolean(),
  // Two-character forms also matched by sound; most two-syllable sounds have innocent homophones (白号 ~ 白毫 tea).
  shortHomophones: z.array(z.string()).default([]),
  forms: Forms,
  coded: z.array(z.string().min(1)).default([]),
});

export const SignalEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  weight: z.number().positive().max(5),
  forms: Forms,
  coded: z.array(z.string().min(1)).default([]),
});

/** How a context weighs beside a concrete offer (see contexts.json's comment). */
export const CONTEXT_ROLES = ['cover', 'frame', 'product'] as const;
export type ContextRole = (typeof CONTEXT_ROLES)[number];

export const ContextEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  weight: z.number().positive().max(5),
  role: z.enum(CONTEXT_ROLES),
  forms: Forms,
});

/** The parts an offer is described by (classifier/rules/offer.ts combines them). */
export const PART_IDS = [
  'document',
  'face',
  'media',
  'together',
  'many',
  'no-consent',
  'use',
  'sale',
  'motion',
  'animate',
  'spoof',
  'stand-in',
  'bank-card',
  'phone-card',
  'account',
  'personal-info',
  'one-person',
  'real',
  'synthetic',
] as const;
export type PartId = (typeof PART_IDS)[number];

export const PartEntrySchema = z.object({ id: z.enum(PART_IDS), forms: Forms });

const file = <T extends z.ZodType>(entry: T) => z.object({ version: z.string().min(1), comment: z.string().optional(), entries: z.array(entry).min(1) });

export const TermsFileSchema = file(TermEntrySchema);
export const SignalsFileSchema = file(SignalEntrySchema);
export const ContextsFileSchema = file(ContextEntrySchema);
export const PartsFileSchema = file(PartEntrySchema).extend({ shadows: z.array(z.string().min(1)) });
export const NegationFileSchema = z.object({
  version: z.string().min(1),
  comment: z.string().optional(),
  /** How far a negation reaches: Chinese characters, or Latin words, up to the end of the clause. */
  scopeHan: z.number().int().min(1).max(40),
  scopeWords: z.number().int().min(1).max(20),
  cues: Forms,
  /** Words that contain a cue but negate nothing (性别, 识别, 非常): a cue inside one is not a cue. */
  notCues: z.array(z.string().min(1)).default([]),
});
export const EmojiFileSchema = z.object({
  version: z.string().min(1),
  comment: z.string().optional(),
  entries: z.record(
    z.string().refine((k) => [...k].length === 1, 'emoji keys must be one code point'),
    z.string().min(1),
  ),
});

export type TermEntry = z.infer<typeof TermEntrySchema>;
export type SignalEntry = z.infer<typeof SignalEntrySchema>;
export type ContextEntry = z.infer<typeof ContextEntrySchema>;
