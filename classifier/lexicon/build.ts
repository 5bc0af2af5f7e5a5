import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import type { Category } from '../../contracts/index.js';
import { isHanCode } from '../../text/index.js';
import { normalize, type EmojiWords } from '../normalize/normalize.js';
import { HomophoneMatcher } from './homophone-matcher.js';
import { overlayTermEntries, overlayVersion, type LexiconOverlay } from './overlay.js';
import { PhraseMatcher } from './phrase-matcher.js';
import {
  ContextsFileSchema,
  EmojiFileSchema,
  NegationFileSchema,
  PartsFileSchema,
  SignalsFileSchema,
  TermsFileSchema,
  type ContextRole,
  type PartId,
} from './schema.js';
import { UserError } from '../../contracts/index.js';

/**
 * term: coded words of the trade; signal: what makes a sale; context: what makes the words innocent;
 * part: an ordinary word for one part of an offer; shadow: a phrase whose words are not what they look
 * like (Face ID holds no face, 性别 holds no negation);
 * negation: a cue that negates what follows it in its clause.
 */
export type EntryKind = 'term' | 'signal' | 'context' | 'part' | 'shadow' | 'negation';

/** One lexicon entry of any kind, as the rules see it. */
export interface LexiconEntry {
  readonly kind: EntryKind;
  readonly id: string;
  readonly weight: number;
  /** Terms only. */
  readonly category: Category | null;
  readonly needsSignal: boolean;
  /** Parts only. */
  readonly part: PartId | null;
  /** Contexts only. */
  readonly role: ContextRole | null;
  /** Terms from an approved overlay (lexicon/overlay.ts): the term as approved. */
  readonly approved?: string;
}

export interface NegationScope {
  readonly scopeHan: number;
  readonly scopeWords: number;
}

export interface Lexicon {
  /** Data versions and a hash of the content: changes whenever any data file does. */
  readonly version: string;
  readonly entries: readonly LexiconEntry[];
  readonly emoji: EmojiWords;
  readonly phrases: PhraseMatcher;
  readonly homophones: HomophoneMatcher;
  readonly negation: NegationScope;
  /** With an overlay, the shipped data's version: what the model was trained with. */
  readonly shippedVersion?: string;
}

export class LexiconError extends UserError {
  override name = 'LexiconError';
}

/** The lexicon's data files, by name, as parsed JSON. */
export const LEXICON_FILE_NAMES = ['terms', 'signals', 'contexts', 'emoji', 'parts', 'negation'] as const;
export type LexiconFiles = Record<(typeof LEXICON_FILE_NAMES)[number], unknown>;

function checked<T extends z.ZodType>(json: unknown, path: string, schema: T): { data: z.infer<T> } {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LexiconError(`lexicon file ${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return { data: parsed.data };
}

/** The phrase as the matcher compares it: normalized like listing text, spaces removed. */
export function compileForm(form: string, emoji: EmojiWords): string {
  return normalize(form, emoji).text.replaceAll(' ', '');
}

/**
 * The lexicon from its data files' contents (parsed JSON): pure, so Node (load.ts reads the files)
 * and the browser extension (which bundles the same files) build the same lexicon, same version.
 */
export function buildLexicon(files: LexiconFiles, overlay?: LexiconOverlay, where = ''): Lexicon {
  const terms = checked(files.terms, `${where}terms.json`, TermsFileSchema);
  const signals = checked(files.signals, `${where}signals.json`, SignalsFileSchema);
  const contexts = checked(files.contexts, `${where}contexts.json`, ContextsFileSchema);
  const emojiFile = checked(files.emoji, `${where}emoji.json`, EmojiFileSchema);
  const parts = checked(files.parts, `${where}parts.json`, PartsFileSchema);
  const negation = checked(files.negation, `${where}negation.json`, NegationFileSchema);
  const emoji = new Map(Object.entries(emojiFile.data.entries).map(([k, v]) => [k.codePointAt(0)!, v]));

  const entries: LexiconEntry[] = [];
  const phrases = new PhraseMatcher();
  const homophones = new HomophoneMatcher();
  const ids = new Set<string>();
  const addEntry = (entry: LexiconEntry, forms: readonly string[], coded: readonly string[], sound: (f: string) => boolean) => {
    const key = `${entry.kind}:${entry.id}`;
    if (ids.has(key)) throw new LexiconError(`lexicon: duplicate ${entry.kind} id "${entry.id}"`);
    ids.add(key);
    const index = entries.push(entry) - 1;
    for (const [list, isCoded] of [
      [forms, false],
      [coded, true],
    ] as const) {
      for (const form of list) {
        const chars = compileForm(form, emoji);
        if (chars === '') throw new LexiconError(`lexicon: ${key} has a form that normalizes to nothing: "${form}"`);
        phrases.add(chars, { entry: index, coded: isCoded });
        if (!isCoded && sound(form) && [...chars].every((c) => isHanCode(c.charCodeAt(0)))) homophones.add(chars, { entry: index, coded: true });
      }
    }
  };

  for (const t of terms.data.entries) {
    const short = new Set(t.shortHomophones);
    const sound = (f: string) => t.homophones && ([...f].length >= 3 || short.has(f));
    addEntry({ kind: 'term', id: t.id, weight: t.weight, category: t.category, needsSignal: t.needsSignal, part: null, role: null }, t.forms, t.coded, sound);
  }
  // Approved terms count as shipped ones do, and say where they came from.
  for (const t of overlayTermEntries(overlay)) {
    const { forms, coded, homophones: sounds, ...entry } = t;
    addEntry({ kind: 'term', ...entry, part: null, role: null }, forms, coded, (f) => sounds && [...f].length >= 3);
  }
  const plain = { category: null, needsSignal: false, part: null, role: null } as const;
  for (const s of signals.data.entries) addEntry({ kind: 'signal', id: s.id, weight: s.weight, ...plain }, s.forms, s.coded, () => false);
  for (const c of contexts.data.entries) addEntry({ kind: 'context', id: c.id, weight: c.weight, ...plain, role: c.role }, c.forms, [], () => false);
  for (const p of parts.data.entries) addEntry({ kind: 'part', id: p.id, weight: 1, ...plain, part: p.id }, p.forms, [], () => false);
  addEntry({ kind: 'shadow', id: 'shadow', weight: 0, ...plain }, parts.data.shadows, [], () => false);
  addEntry({ kind: 'negation', id: 'negation', weight: 0, ...plain }, negation.data.cues, [], () => false);
  // A cue inside a longer matched word is no cue (rules/analyze.ts), so these words void the cues they hold.
  addEntry({ kind: 'shadow', id: 'not-negation', weight: 0, ...plain }, negation.data.notCues, [], () => false);

  // The hash is of the data as parsed (key order and spacing of the files aside), in file order.
  const hash = bytesToHex(sha256(utf8ToBytes(JSON.stringify(LEXICON_FILE_NAMES.map((name) => files[name])))));
  const v = (f: { data: { version: string } }) => f.data.version;
  const version = `t${v(terms)}s${v(signals)}c${v(contexts)}e${v(emojiFile)}p${v(parts)}n${v(negation)}-${hash.slice(0, 8)}`;
  const scope = { scopeHan: negation.data.scopeHan, scopeWords: negation.data.scopeWords };
  if (!overlay) return { version, entries, emoji, phrases, homophones, negation: scope };
  return { version: `${version}+${overlayVersion(overlay)}`, shippedVersion: version, entries, emoji, phrases, homophones, negation: scope };
}
