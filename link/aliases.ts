import { digitOf } from './fold-text.js';
import { GENERIC_WORDS } from './handle-rules.js';
import type { ContactHandle } from './types.js';

/**
 * Ids a listing shows without naming an app: a seller name that is itself an id ("twid888",
 * "rlsj零零2", "u/kyc_depot01") and the local part of an e-mail address ("kycdepot@mail.example").
 * Sellers reuse one name across apps and sites, so such an alias links to the same id written as a
 * WeChat, Telegram or LINE handle elsewhere (linkKey gives them one key). It never vetoes a text link
 * (conflicting() skips it): a display name is not a contact, and two aliases may both be the seller's.
 */

// Mailbox names that belong to a role, not a person: sales@a.example and sales@b.example are strangers.
export const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'sales',
  'info',
  'contact',
  'admin',
  'office',
  'support',
  'hello',
  'team',
  'mail',
  'service',
  'noreply',
  'enquiries',
  'orders',
  'booking',
]);

/** An id-shaped token: starts with a letter, 5-20 of [a-z0-9_.-], 3+ distinct characters, not a word. */
function aliasId(token: string): string | null {
  const id = token.replace(/[._-]/g, '');
  if (!/^[a-z][a-z0-9]{4,19}$/.test(id) || new Set(id).size < 3 || GENERIC_WORDS.has(id) || ROLE_MAILBOXES.has(id)) return null;
  return id;
}

// A bar or slash between an id and a label in one display name ("kelly.kyc9｜證件包", "twid888 / 证件"):
// sellers put the id they can be searched by beside what they sell.
const NAME_PARTS = /\s*[|｜丨¦/／•]\s*/u;
// Between words, a space parts off only a word punctuated as an id is ("證件包 kelly.kyc9", "mei_face7 shop").
const SPACED_ID = /^[a-z][a-z0-9]*[._][a-z0-9._]*\d[a-z0-9._]*$|^[a-z][a-z0-9]*\d[a-z0-9]*[._][a-z0-9._]+$/;

/**
 * A seller name that is one id with a digit in it ("twid888", "rlsj零零2"), or such an id set apart
 * from a label by a bar ("kelly.kyc9｜證件包") or, when punctuated as an id, by a space: a plain word
 * or a name of words ("Kay Depot", "iPhone13 Pro", "面面工作室") is how a shop calls itself, not an id
 * that could be searched for.
 */
/** `seller`: the seller name as foldText gives it. */
export function nameAlias(seller: string): ContactHandle | null {
  const folded = seller.trim().replace(/^(?:u\/|@)/, '');
  if (folded === '') return null;
  const parts = [folded, ...(NAME_PARTS.test(folded) ? folded.split(NAME_PARTS) : [])];
  if (/\s/.test(folded)) parts.push(...folded.split(/\s+/).filter((w) => SPACED_ID.test(w)));
  for (const part of parts) {
    const id = idPart(part);
    if (id !== null) return { kind: 'alias', key: `alias:${id}`, raw: seller };
  }
  return null;
}

/** The id a name (or one part of it) is: letters, digits and id punctuation only, a digit among them. */
function idPart(part: string): string | null {
  const digits = Array.from(part, (ch) => (/[a-z0-9_.-]/.test(ch) ? ch : (digitOf(ch) ?? ' '))).join('');
  return digits.includes(' ') || !/\d/.test(digits) ? null : aliasId(digits);
}

/** The local part of an e-mail address as an id, unless it is a role mailbox or all digits (QQ mail is read as QQ). */
export function emailAlias(address: string): ContactHandle | null {
  const local = address.slice(0, address.indexOf('@'));
  const id = aliasId(local);
  return id === null ? null : { kind: 'alias', key: `alias:${id}`, raw: address };
}
