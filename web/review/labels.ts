import type { Category } from './types.js';

// Words shown for the API's slugs: the queue, the listing view and the suggested terms say
// "liveness bypass" where the API says liveness_bypass, as the filter's dropdown does.

/** `satisfies` makes a new category fail the typecheck here. */
export const CATEGORY_LABELS = {
  id_holding_photo: 'ID-holding photo',
  face_bundle: 'face bundle',
  identity_kit: 'identity kit',
  liveness_bypass: 'liveness bypass',
} as const satisfies Record<Category, string>;

export const isCategory = (value: string): value is Category => Object.hasOwn(CATEGORY_LABELS, value);

/** A category's words; an unknown slug (a newer server) is shown as it came, '—' for none. */
export const categoryLabel = (category: string | null): string => (category === null ? '—' : isCategory(category) ? CATEGORY_LABELS[category] : category);
