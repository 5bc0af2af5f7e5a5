import { z } from 'zod';

/**
 * The text of a listing as the classifier takes it. Every field is optional because real listings
 * often have only a title; non-string values are refused rather than coerced, so a caller's bug shows.
 */
export const ListingTextSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  price: z.union([z.string(), z.number()]).nullish(),
});
export type ListingText = z.infer<typeof ListingTextSchema>;
