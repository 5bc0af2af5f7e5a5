import { z } from 'zod';
import { CategorySchema } from '../../contracts/index.js';

/** One labeled listing of the corpus (classifier/corpus/data/*.jsonl); see WRITING.md. */
export const LabelSchema = z.union([CategorySchema, z.literal('benign')]);
export type Label = z.infer<typeof LabelSchema>;

export const CorpusItemSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  price: z.union([z.string(), z.number()]).transform(String).optional(),
  label: LabelSchema,
  lang: z.enum(['zh', 'zh-Hant', 'en', 'mix']),
  evasive: z.boolean(),
  hardNegative: z.boolean(),
  /** A positive whose offer rests on jargon the writer invented (or on plain words), not on the trade's known words. */
  newJargon: z.boolean().default(false),
  /** Where the writer set it (xianyu, telegram, reddit…). */
  place: z.string().optional(),
});
export type CorpusItem = z.infer<typeof CorpusItemSchema>;
