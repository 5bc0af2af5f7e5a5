import { z } from 'zod';

/** An investigator's decision on a listing; escalated ones stay open questions (not training labels). */
export const DecisionSchema = z.enum(['confirmed', 'dismissed', 'escalated']);
export type Decision = z.infer<typeof DecisionSchema>;
