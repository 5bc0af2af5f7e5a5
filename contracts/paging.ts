import { z } from 'zod';

/** One page of a list read by cursor, as every paged route answers. */
export const cursorPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('pass as cursor for the next page; null at the end'),
  });
