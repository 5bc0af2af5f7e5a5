import type { Evidence, TextField } from '../contracts/index.js';
import { digitView, GAP, SEPARATOR, starOriginal } from './digit-view.js';
import { maskSensitive } from './mask.js';
import { MIN_NUMBER_DIGITS } from './number-patterns.js';

/** A listing text a verdict may have read, by field. */
export type FieldTexts = Partial<Record<TextField, string | null>>;

/**
 * A verdict's evidence spans with their text as the masked field shows it.
 *
 * A fragment masked on its own shows what the field hides: `V 44030419900` is too short to be an
 * ID, yet it is 11 of the 18 digits the masked field shows as 44**************33. Masking keeps
 * every offset, so each span's text is cut from the masked field instead. `readFrom` lists the texts
 * the verdict may have read (the text version with the verdict's content hash, the listing's current
 * text when it has that hash); a span is cut from each whose text at its offsets is the span's, and
 * a character hidden in any of those cuts is hidden (two texts may agree on the span, not around it).
 * A span none of them holds (old rows, text re-extracted under the same hash) is masked with maskFragment.
 */
export function maskEvidence(spans: readonly Evidence[], readFrom: readonly (FieldTexts | null | undefined)[]): Evidence[] {
  const maskedFields = new Map<string, string>();
  const masked = (field: string) => {
    let m = maskedFields.get(field);
    if (m === undefined) maskedFields.set(field, (m = maskSensitive(field)));
    return m;
  };
  return spans.map((e) => {
    const cuts = readFrom
      .map((texts) => texts?.[e.field])
      .filter((t): t is string => typeof t === 'string' && t.slice(e.start, e.end) === e.text)
      .map((t) => masked(t).slice(e.start, e.end));
    return { ...e, text: cuts.length === 0 ? maskFragment(e.text) : cuts.reduce(hiddenInEither) };
  });
}

/** Two masked copies of one text (equal lengths), with each character hidden in either hidden. */
const hiddenInEither = (a: string, b: string): string => {
  if (a === b) return a;
  let out = '';
  for (let i = 0; i < a.length; i++) out += a[i] === '*' || b[i] === '*' ? '*' : a[i];
  return out;
};

const DIGIT_RUN = new RegExp(`\\d(?:${GAP}\\d)*`, 'g');
const ONLY_SEPARATORS = new RegExp(`^${SEPARATOR}*$`);

/**
 * A fragment of unknown context masked so that it never shows a digit its field would hide: every
 * digit of a written number long enough to be masked, and of one cut by the fragment's edge (it may
 * go on outside), becomes '*'. More than the field would hide, never less.
 */
export function maskFragment(fragment: string): string {
  const view = digitView(fragment);
  if (view.digits === 0) return fragment;
  const hidden: number[] = [];
  for (const run of view.text.matchAll(DIGIT_RUN)) {
    const from = run.index;
    const to = from + run[0].length;
    const digits = run[0].replace(/\D/g, '').length;
    const cutByEdge = ONLY_SEPARATORS.test(view.text.slice(0, from)) || ONLY_SEPARATORS.test(view.text.slice(to));
    if (digits < MIN_NUMBER_DIGITS && !cutByEdge) continue;
    for (let k = from; k < to; k++) if (/\d/.test(view.text[k]!)) hidden.push(k);
  }
  return starOriginal(fragment, view, hidden);
}
