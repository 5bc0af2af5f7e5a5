import { z } from 'zod';

/** The four kinds of face-data trade the classifier flags; anything else is benign (category null). */
export const CATEGORIES = ['id_holding_photo', 'face_bundle', 'identity_kit', 'liveness_bypass'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** Fields of a listing the classifier reads; evidence spans point into one of them. */
export const TEXT_FIELDS = ['title', 'description', 'price'] as const;
export const TextFieldSchema = z.enum(TEXT_FIELDS);
export type TextField = z.infer<typeof TextFieldSchema>;

/** A span of the ORIGINAL (un-normalized) field text: `field.slice(start, end) === text`. */
export const EvidenceSchema = z.object({
  field: TextFieldSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  reason: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const VerdictSchema = z.object({
  flagged: z.boolean(),
  /** Not flagged, but scored in the review band: an investigator should look. Verdicts made before the band existed read as false. */
  review: z.boolean().default(false),
  category: CategorySchema.nullable(),
  score: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
  modelVersion: z.string(),
});
export type Verdict = z.infer<typeof VerdictSchema>;
