import { isWarningFolded } from './contact-handles.js';
import { undisguise } from './disguises.js';
import { foldText } from './fold-text.js';
import { GENERIC_WORDS, isAppId } from './handle-rules.js';
import type { ContactHandle, LinkListing } from './types.js';

/**
 * Ids written in a listing's text with no cue word before them ("找 facelab_88 拿货", "ask mx_data_7314
 * for samples") that another listing of the batch gives as its WeChat, Telegram or LINE id. Without a
 * cue an id-shaped word is as often a model number or a file name, so it counts only when it is some
 * listing's declared id, and only in the shape of an id a product code rarely has: a digit or an
 * underscore in it, 6+ characters. A mention is weaker than a declared contact ("cheaper than
 * facelab_88"), so it links last and through the cluster veto (link-order.ts clusterVeto): never a
 * listing that gives a contact of the same kind, other than the mentioned one. Warnings quote other
 * sellers' ids and are skipped. Two steps, as the batch linker reads each listing once: idWords while
 * its text is folded, then mentionPairs once every listing's declared ids are known.
 */

const ID_WORD = /(?<![a-z0-9_.@/-])[a-z][a-z0-9_.-]{4,30}[a-z0-9](?![a-z0-9_@-])/g;
const ID_MARK = /[0-9_]/;

const idOf = (written: string) => written.replace(/[._-]/g, '');

// "tg 上面個 hkfacebox1 係冒充我", "the kycbazar account is NOT me": a seller naming the impostor who
// copies it names someone else, and a link by that mention would join the two it sets apart.
const IMPOSTOR = /冒充|假冒|冒牌|山寨|唔系我|不是我|\bnot me\b|\bfake\b|\bimpost[eo]r|\bimpersonat|\bcopycat/;
const IMPOSTOR_REACH = 24;

const namedAsImpostor = (text: string, at: number, length: number) => IMPOSTOR.test(text.slice(Math.max(0, at - IMPOSTOR_REACH), at + length + IMPOSTOR_REACH));

/** The id-shaped words of a listing's title and description (none in a warning), as `[written, id]`. */
export function idWords(listing: LinkListing): Array<readonly [string, string]> {
  // foldText and undisguise keep the last few texts: right after extractHandles these are no second fold.
  const title = foldText(listing.title ?? '');
  const description = foldText(listing.description ?? '');
  const out: Array<readonly [string, string]> = [];
  // Undisguised as contacts are read: an id told in halves or spelled out ("first half deepkyc, second
  // half _pro") is mentioned as much as one written whole.
  for (const text of [undisguise(title), undisguise(description)]) {
    if (!ID_MARK.test(text)) continue;
    for (const m of text.matchAll(ID_WORD)) {
      if (!ID_MARK.test(m[0]) || namedAsImpostor(text, m.index, m[0].length)) continue;
      const id = idOf(m[0]);
      if (id.length >= 6 && !GENERIC_WORDS.has(id)) out.push([m[0], id]);
    }
  }
  return out.length > 0 && isWarningFolded(title, description) ? [] : out;
}

/** A listing that writes another's declared id, and the first listing declaring it. */
export interface Mention {
  readonly a: number;
  readonly b: number;
  /** The declared handle's key (wechat:x, tg:x, line:x). */
  readonly handle: string;
}

/**
 * `words[i]`: idWords of listing i; `live[i]`: its handles that still link (a hub's id is nobody's).
 * Ids are compared as linkKey does (no '_' or '-'); a listing's own ids are no mention.
 */
export function mentionPairs(words: ReadonlyArray<ReturnType<typeof idWords>>, live: readonly (readonly ContactHandle[])[]): Mention[] {
  const declared = new Map<string, { at: number; key: string }>();
  live.forEach((hs, i) => {
    for (const h of hs) {
      if (!isAppId(h)) continue;
      const id = idOf(h.key.slice(h.key.indexOf(':') + 1));
      if (!declared.has(id)) declared.set(id, { at: i, key: h.key });
    }
  });
  const out: Mention[] = [];
  words.forEach((ws, i) => {
    const own = new Set(live[i]!.map((h) => idOf(h.key.slice(h.key.indexOf(':') + 1))));
    for (const [, id] of ws) {
      const holder = declared.get(id);
      if (holder !== undefined && holder.at !== i && !own.has(id)) out.push({ a: i, b: holder.at, handle: holder.key });
    }
  });
  return out;
}
