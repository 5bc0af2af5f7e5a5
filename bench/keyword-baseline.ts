import type { CorpusItem } from '../classifier/corpus/schema.js';
import type { Prediction } from '../classifier/evaluate.js';

// The naive filter a platform starts with: the trade's best-known words, matched literally.
const KEYWORDS: ReadonlyArray<readonly [string, string]> = [
  ['手持身份证', 'id_holding_photo'],
  ['手持照', 'id_holding_photo'],
  ['selfie with id', 'id_holding_photo'],
  ['身份证正反面', 'id_holding_photo'],
  ['人脸', 'face_bundle'],
  ['打包', 'face_bundle'],
  ['face pack', 'face_bundle'],
  ['selfie pack', 'face_bundle'],
  ['四件套', 'identity_kit'],
  ['fullz', 'identity_kit'],
  ['kyc', 'identity_kit'],
  ['实名', 'identity_kit'],
  ['照片活化', 'liveness_bypass'],
  ['过人脸', 'liveness_bypass'],
  ['liveness', 'liveness_bypass'],
  ['deepfake', 'liveness_bypass'],
  ['virtual camera', 'liveness_bypass'],
];

export function keywordBaseline() {
  return {
    classify(item: CorpusItem): Prediction {
      const text = `${item.title ?? ''} ${item.description ?? ''}`.toLowerCase();
      const hit = KEYWORDS.find(([k]) => text.includes(k));
      return { flagged: hit !== undefined, category: hit?.[1] ?? null, score: hit ? 1 : 0 };
    },
  };
}
