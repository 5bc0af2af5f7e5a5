import { createHash } from 'node:crypto';
import { CategorySchema, type DecidedListing } from '../../contracts/index.js';
import type { CorpusItem } from './schema.js';

export interface DecisionLabels {
  readonly items: CorpusItem[];
  readonly confirmed: number;
  readonly dismissed: number;
  /** Confirmed listings with no category from the model or a reporter: a label without a class. */
  readonly skipped: number;
  /** Hash of the labels, so the model records what it learned from. */
  readonly hash: string;
}

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]{3,}/;
const langOf = (text: string): CorpusItem['lang'] => (CJK.test(text) ? (LATIN.test(text) ? 'mix' : 'zh') : 'en');

/**
 * Investigators' decisions as training listings. Confirmed → the category the model or a reporter
 * gave; dismissed → benign, and a hard negative when the model had flagged it (that is the mistake
 * to unlearn). Listings without any text teach nothing and are left out.
 */
export function labelsFromDecisions(decided: readonly DecidedListing[]): DecisionLabels {
  const items: CorpusItem[] = [];
  let skipped = 0;
  for (const d of decided) {
    const text = [d.title, d.description].filter(Boolean).join('\n');
    if (!text.trim()) continue;
    const category = CategorySchema.safeParse(d.category ?? d.suspectedCategory);
    const label = d.decision === 'dismissed' ? 'benign' : category.success ? category.data : null;
    if (label === null) {
      skipped++;
      continue;
    }
    items.push({
      id: `decision-${d.id}`,
      ...(d.title ? { title: d.title } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.price ? { price: d.price } : {}),
      label,
      lang: langOf(text),
      evasive: false,
      newJargon: false,
      hardNegative: d.decision === 'dismissed' && d.flagged,
    });
  }
  const confirmed = items.filter((i) => i.label !== 'benign').length;
  return { items, confirmed, dismissed: items.length - confirmed, skipped, hash: createHash('sha256').update(JSON.stringify(items)).digest('hex') };
}
