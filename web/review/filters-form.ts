import type { Filters } from './types.js';

/** The filters in the queue's form. Values are passed on as typed; the API validates them and says what is wrong. */
export function readFilters(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const field = (name: string) => String(data.get(name) ?? '');
  return {
    // One select offers flagged, needs review (the review band), not flagged, or any.
    flagged: (field('flagged') === 'review' ? '' : field('flagged')) as Filters['flagged'],
    review: field('flagged') === 'review' ? 'true' : '',
    category: field('category'),
    decision: field('decision') as Filters['decision'],
    site: field('site'),
    q: field('q'),
    minScore: field('minScore'),
    minClusterSize: field('minClusterSize'),
  };
}
