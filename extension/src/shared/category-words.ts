import type { Category } from '../../../contracts/index.js';

/** A category in the words moderators read, the same in the popup's dropdown and in its verdicts. */
const WORDS: Record<Category, string> = {
  id_holding_photo: 'ID-holding photo',
  face_bundle: 'face photo bundle',
  identity_kit: 'identity kit',
  liveness_bypass: 'liveness bypass',
};

export const categoryWords = (category: string | null): string => (category && category in WORDS ? WORDS[category as Category] : (category ?? 'no category'));
