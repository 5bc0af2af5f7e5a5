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

export const ContextEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  weight: z.number().positive().max(5),
  forms: Forms,
});

const file = <T extends z.ZodType>(entry: T) =>
  z.object({ version: z.string().min(1), comment: z.string().optional(), entries: z.array(entry).min(1) });

export const TermsFileSchema = file(TermEntrySchema);
export const SignalsFileSchema = file(SignalEntrySchema);
export const ContextsFileSchema = file(ContextEntrySchema);
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
