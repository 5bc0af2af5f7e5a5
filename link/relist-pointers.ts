import { foldText } from './fold-text.js';

/**
 * A listing that says it is the relist of the same account's other ad: "contact as in my other ad",
 * "联系方式同上一帖", "號碼和上一條一樣", "Liên hệ như bài trước", "kontak sama kayak lapak sebelumnya",
 * "연락처는 이전 글 참고". The seller itself says the two ads are one seller's, so kin-links.ts asks less
 * of their text (the account's name must still be the same, and some text still shared: a stranger
 * under a common display name points to ITS other ad).
 */
const POINTER = new RegExp(
  [
    String.raw`(?:同|跟|和|与|如|见|喺|在)上一?(?:篇|帖|条|个帖子|则|次)`,
    String.raw`上一(?:篇|帖|条|则)(?:一样|相同|同)`,
    String.raw`(?:同|如|见)前(?:帖|一帖|篇)`,
    String.raw`\b(?:as|like|same as|see)\s+(?:in\s+)?(?:my|the)\s+(?:other|previous|last|earlier|first)\s+(?:ad|post|listing)s?\b`,
    String.raw`(?:như|giống)\s+(?:bài|tin)\s+(?:trước|cũ)`,
    String.raw`(?:lapak|postingan|iklan)\s+(?:sebelumnya|yang lalu|lain)`,
    '(?:이전|지난)\\s?(?:글|게시물)',
  ].join('|'),
  'u',
);

export function pointsToOwnAd(title: string | null | undefined, description: string | null | undefined): boolean {
  return POINTER.test(foldText(description ?? '')) || POINTER.test(foldText(title ?? ''));
}
