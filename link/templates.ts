import { linkKey } from './handle-rules.js';
import { sharedCount } from './minhash.js';
import type { ContactHandle } from './types.js';

/**
 * Ads that are a template: one text that sellers naming different contacts of one kind both post
 * (a copycat's "Selfie pegang KTP … tele: @x" beside the seller's "… tele: @y"; a stock sentence passed
 * round a group). The handle veto keeps those two apart already; but the same text posted by a third
 * seller with a contact of ANOTHER kind (a WhatsApp number beside the two Telegram names) has no
 * contact to be vetoed by, and its copy would join it to one of the two. A text shown to be shared by
 * different sellers proves nothing about who posted it, so a near-duplicate link between two listings
 * that each name a contact (and share none) is dropped when either one's text is copied by a listing
 * whose contact conflicts with its own. A listing with no contact ("see my other ad") keeps its text
 * link: a copier brings its own contact, a relist often none.
 */

/** How alike a vetoed pair must be to show a template: a copy, not two ads of one trade. */
export const TEMPLATE_COPY = { minJaccard: 0.4, minShared: 5 };

/**
 * `vetoed`: candidate pairs the handle veto refused, flat (a1, b1, a2, b2 …; near-duplicates.ts);
 * `kept`: distinctive shingles; `live[i]`: listing i's linking handles. Whether a text link between a
 * and b rests on a template. The vetoed pairs are compared only for the listings such a link asks about
 * (few: most text links join a listing without a contact, or two that share one).
 */
export function templateVeto(
  vetoed: readonly number[],
  kept: readonly Uint32Array[],
  live: readonly (readonly ContactHandle[])[],
): (a: number, b: number) => boolean {
  if (vetoed.length === 0) return () => false;
  // Who was vetoed at all, first: most text links are between listings no veto touched.
  const inVetoed = new Uint8Array(kept.length);
  for (const i of vetoed) inVetoed[i] = 1;
  let partners: { start: Int32Array; of: Int32Array } | undefined;
  const copied = new Map<number, boolean>();
  const isCopied = (x: number): boolean => {
    let known = copied.get(x);
    if (known !== undefined) return known;
    partners ??= partnerLists(vetoed, kept.length);
    known = false;
    for (let k = partners.start[x]!; k < partners.start[x + 1]! && !known; k++) {
      const y = partners.of[k]!;
      const shared = sharedCount(kept[x]!, kept[y]!);
      known = shared >= TEMPLATE_COPY.minShared && shared / (kept[x]!.length + kept[y]!.length - shared) >= TEMPLATE_COPY.minJaccard;
    }
    copied.set(x, known);
    return known;
  };
  // Each listing's contact keys once: a listing is in many text links.
  const keysOf: Array<string[] | undefined> = [];
  const contacts = (i: number) => (keysOf[i] ??= live[i]!.filter((h) => h.kind !== 'alias').map(linkKey));
  return (a, b) => {
    if (inVetoed[a] === 0 && inVetoed[b] === 0) return false;
    const ka = contacts(a);
    const kb = contacts(b);
    if (ka.length === 0 || kb.length === 0 || ka.some((k) => kb.includes(k))) return false;
    return isCopied(a) || isCopied(b);
  };
}

/** Each listing's vetoed partners, in two typed arrays (offsets by listing, then partners): a map of arrays cost more. */
function partnerLists(vetoed: readonly number[], n: number): { start: Int32Array; of: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const i of vetoed) start[i + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const of = new Int32Array(vetoed.length);
  for (let k = 0; k < vetoed.length; k += 2) {
    of[fill[vetoed[k]!]!++] = vetoed[k + 1]!;
    of[fill[vetoed[k + 1]!]!++] = vetoed[k]!;
  }
  return { start, of };
}
