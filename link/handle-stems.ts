import { ROLE_MAILBOXES } from './aliases.js';
import { GENERIC_WORDS, isAppId } from './handle-rules.js';
import type { ContactHandle } from './types.js';

/**
 * The stem a seller keeps across its contacts when it cannot keep one id: "samgor.tools@…" for mail,
 * "samgor_vcam" on Telegram, "samgor_hk" on WeChat. The first piece of an id or mailbox name before a
 * '.', '_' or '-', when it is a word of 6+ letters (3+ distinct) that is not the trade's own
 * ("renlian_cang" is no stem: renlian is every seller's search word), nor a role mailbox's ("sales.hk@",
 * aliases.ts ROLE_MAILBOXES). kin-links.ts groups listings by it as by a brand stem of their names: a
 * stem never links alone (text alike is asked too), and two different ids of one app still conflict
 * (link-order.ts), so a copycat's "samgor_vcam1" beside the seller's "samgor_vcam" is kept apart by its
 * contact, not joined by its stem.
 */

const STEM = /^([a-z]{6,})[._-][a-z0-9]/;

/** The stems of a listing's handles (its live ones: a hub's id is nobody's stem). */
export function handleStems(handles: readonly ContactHandle[]): string[] {
  const out = new Set<string>();
  for (const h of handles) {
    const value = h.key.slice(h.key.indexOf(':') + 1);
    const id = h.kind === 'email' ? value.slice(0, value.indexOf('@')) : isAppId(h) ? value : '';
    const stem = STEM.exec(id)?.[1];
    if (stem !== undefined && new Set(stem).size >= 3 && !GENERIC_WORDS.has(stem) && !ROLE_MAILBOXES.has(stem)) out.add(stem);
  }
  return [...out];
}
