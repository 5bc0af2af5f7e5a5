import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { CategorySchema, UserError, type Category } from '../../contracts/index.js';
import { isHanCode } from '../../text/index.js';
import { normalize } from '../normalize/normalize.js';

/**
 * A lexicon overlay: coded terms an investigator approved (from `faceleak discover`'s candidates),
 * applied on top of the shipped lexicon so the rules match them at once, without retraining. Plain
 * JSON, so it can be stored, exported and imported as it is. `loadLexicon(dir, overlay)` adds its
 * terms; the lexicon's version then names it (`…+ov-<hash>`), so a verdict says which overlay made it.
 */
export const OVERLAY_FORMAT = 'faceleak-lexicon-overlay/1';

const Form = z.string().trim().min(1).max(64);

export const OverlayTermSchema = z.object({
  /** The term as sellers write it. */
  term: Form,
  /** Other spellings of the same term: homophones, pinyin, initials, split or traditional forms. */
  variants: z.array(Form).max(50).default([]),
  category: CategorySchema,
  /** Counts only where the listing corroborates it (rules/offer.ts: for sale and naming the trade or its people, or beside another coded term): the words also have innocent meanings. */
  needsSignal: z.boolean(),
  /** Strength as evidence, as in terms.json (1 weak … 3 strong). */
  weight: z.number().positive().max(5).default(2),
  // Provenance, for people; the rules never read it and it does not change the version.
  note: z.string().max(1000).optional(),
  approvedBy: z.string().max(200).optional(),
  approvedAt: z.string().max(64).optional(),
});

export const LexiconOverlaySchema = z.object({
  format: z.literal(OVERLAY_FORMAT).default(OVERLAY_FORMAT),
  name: z.string().max(200).optional(),
  terms: z.array(OverlayTermSchema).max(10_000),
});

export type OverlayTerm = z.infer<typeof OverlayTermSchema>;
export type LexiconOverlay = z.infer<typeof LexiconOverlaySchema>;
export type OverlayTermInput = z.input<typeof OverlayTermSchema>;

const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

export class OverlayError extends UserError {
  override name = 'OverlayError';
}

/** Parses an overlay from JSON text or a parsed value; a bad one names the field. */
export function parseOverlay(json: unknown, source = 'overlay'): LexiconOverlay {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new OverlayError(`${source}: not JSON: ${(error as Error).message}`);
    }
  }
  const parsed = LexiconOverlaySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OverlayError(`${source}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const [i, t] of parsed.data.terms.entries()) {
    const key = matchKey(t.term);
    if (key === '') throw new OverlayError(`${source}: terms.${i}.term: "${t.term}" has no letters or characters to match`);
    if (seen.has(key)) throw new OverlayError(`${source}: terms.${i}.term: "${t.term}" is approved twice`);
    seen.add(key);
  }
  return parsed.data;
}

/** The form as the matcher compares it (normalized, no spaces); emoji words aside, as compileForm does. Two spellings with one key are one term. */
export function matchKey(form: string): string {
  return normalize(form, new Map()).text.replaceAll(' ', '');
}

/**
 * `ov-` and a hash of what the rules read (terms, variants, category, needsSignal, weight), in term
 * order: the same approved terms give the same version whatever their order or notes.
 */
export function overlayVersion(overlay: LexiconOverlay): string {
  const canonical = overlay.terms
    .map((t) => [matchKey(t.term), [...new Set(t.variants.map(matchKey))].sort(), t.category, t.needsSignal, t.weight])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return `ov-${hex(JSON.stringify(canonical)).slice(0, 8)}`;
}

/** An overlay term as load.ts adds it: like a terms.json entry, marked approved. */
export interface OverlayTermEntry {
  readonly id: string;
  readonly approved: string;
  readonly category: Category;
  readonly weight: number;
  readonly needsSignal: boolean;
  /** Matched by sound too: only Chinese terms of three or more characters, as in terms.json. */
  readonly homophones: boolean;
  readonly forms: readonly string[];
  readonly coded: readonly string[];
}

export function overlayTermEntries(overlay: LexiconOverlay | undefined): OverlayTermEntry[] {
  if (!overlay) return [];
  return overlay.terms.map((t) => {
    const key = matchKey(t.term);
    // Variants that normalize to the term (traditional, split, full-width forms) are the term already.
    const seen = new Set([key]);
    const forms = [t.term];
    const coded: string[] = [];
    for (const v of t.variants) {
      const k = matchKey(v);
      if (k === '' || seen.has(k)) continue;
      seen.add(k);
      // An English plural is the word as written, not a disguise: "blue sheets" read as a disguised
      // spelling weighed like one (a retrained model flagged bed sheets sold by the piece at 0.84).
      (isPluralOf(k, key) ? forms : coded).push(v);
    }
    const han = [...key].every((c) => isHanCode(c.codePointAt(0)!));
    return {
      id: `ov-${hex(key).slice(0, 10)}`,
      approved: t.term,
      category: t.category,
      weight: t.weight,
      needsSignal: t.needsSignal,
      homophones: han && [...key].length >= 3,
      forms,
      coded,
    };
  });
}

const isPluralOf = (k: string, key: string): boolean => /[a-z]$/.test(key) && (k === `${key}s` || k === `${key}es`);
