import type { Filters } from './types.js';

/** The filters in the queue's form. Values are passed on as typed; the API validates them and says what is wrong. */
export function readFilters(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const field = (name: string) => String(data.get(name) ?? '');
  return {
    flagged: field('flagged') as Filters['flagged'],
    category: field('category'),
    decision: field('decision') as Filters['decision'],
    site: field('site'),
    q: field('q'),
    minScore: field('minScore'),
  };
}
