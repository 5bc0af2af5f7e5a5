import { z } from 'zod';

/** An absolute http or https URL: what the crawler may fetch and what a report may point at. */
export const isHttpUrl = (u: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(u).protocol);
  } catch {
    return false;
  }
};

export const HttpUrlSchema = z.string().refine(isHttpUrl, 'must be an absolute http(s) URL');
