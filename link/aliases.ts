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
const ROLE_MAILBOXES = new Set([
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
]);

/** An id-shaped token: starts with a letter, 5-20 of [a-z0-9_.-], 3+ distinct characters, not a word. */
function aliasId(token: string): string | null {
  const id = token.replace(/[._-]/g, '');
  if (!/^[a-z][a-z0-9]{4,19}$/.test(id) || new Set(id).size < 3 || GENERIC_WORDS.has(id) || ROLE_MAILBOXES.has(id)) return null;
  return id;
}

/**
 * A seller name that is one id with a digit in it ("twid888", "rlsj零零2"): a plain word or a name with
 * spaces ("Kay Depot", "面面工作室") is how a shop calls itself, not an id that could be searched for.
 */
/** `seller`: the seller name as foldText gives it. */
export function nameAlias(seller: string): ContactHandle | null {
  const folded = seller.trim().replace(/^(?:u\/|@)/, '');
  if (folded === '') return null;
  const digits = Array.from(folded, (ch) => (/[a-z0-9_.-]/.test(ch) ? ch : (digitOf(ch) ?? ' '))).join('');
  if (digits.includes(' ') || !/\d/.test(digits)) return null;
  const id = aliasId(digits);
  return id === null ? null : { kind: 'alias', key: `alias:${id}`, raw: seller };
}

/** The local part of an e-mail address as an id, unless it is a role mailbox or all digits (QQ mail is read as QQ). */
export function emailAlias(address: string): ContactHandle | null {
  const local = address.slice(0, address.indexOf('@'));
  const id = aliasId(local);
  return id === null ? null : { kind: 'alias', key: `alias:${id}`, raw: address };
}
