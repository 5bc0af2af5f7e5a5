import { ATTACK_KINDS } from '../../classifier/index.js';
import type { AttackReport } from '../../classifier/index.js';
import type { CrossSourceReport } from '../../classifier/index.js';
import { prf, type Evaluation, type Prf } from '../../classifier/index.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (name: string, m: Prf) =>
  `  ${name.padEnd(18)} ${m.precision.toFixed(3)}     ${m.recall.toFixed(3)}  ${m.f1.toFixed(3)}  ${String(m.support).padStart(5)}\n`;

export function formatEvaluation(split: string, version: string, r: Evaluation, errors: number): string {
  let s = `split ${split}: ${r.listings} listings, model ${version}\n\n`;
  s += `  ${''.padEnd(18)} precision  recall  F1     positives\n`;
  s += row('all (flagged)', r.overall);
  for (const [k, m] of Object.entries(r.perCategory)) s += row(k, m);
  s += '\n  by language\n';
  for (const [k, m] of Object.entries(r.perLanguage).sort()) s += row(k, m);
  s += `\n  hard-negative false-positive rate  ${pct(r.hardNegativeFalsePositiveRate)} of ${r.hardNegatives}\n`;
  s += `  evasive recall                     ${pct(r.evasiveRecall)} of ${r.evasivePositives}\n`;
  s += `  new-jargon recall                  ${pct(r.newJargonRecall)} of ${r.newJargonPositives}\n`;
  s += `  category accuracy (true positives) ${pct(r.categoryAccuracy)} of ${r.overall.tp}\n`;
  s += `  flagged or review (positives)      ${pct(r.flaggedOrReviewRecall)}; negatives in review ${pct(r.negativeReviewRate)}\n`;
  if (errors > 0) {
    s += '\n  errors (id, label → predicted, score)\n';
    for (const e of r.errors.slice(0, errors)) s += `  ${e.id}  ${e.label} → ${e.predicted}  ${e.score}\n`;
  }
  return s;
}

export function formatAttacks(title: string, r: AttackReport): string {
  let s = `\n${title}\n  attack          caught  un-flagged  flip rate   negatives flagged\n`;
  for (const k of ATTACK_KINDS) {
    const c = r[k];
    const rate = c.caught ? pct(c.flipped / c.caught) : '-';
    const neg = c.negatives ? `${pct(c.negativesFlagged / c.negatives)} of ${c.negatives}` : '-';
    s += `  ${k.padEnd(15)} ${String(c.caught).padStart(6)}  ${String(c.flipped).padStart(10)}  ${rate.padStart(9)}   ${neg}\n`;
  }
  return s;
}

const opt = (x: number | null) => (x === null ? '     -' : pct(x).padStart(6));

/** The headline: every writer's listings judged by a model that never saw that writer. */
export function formatCrossSource(report: CrossSourceReport, version: string, errors: number, sealed: ReadonlySet<string> = new Set()): string {
  let s = `\nleave-one-writer-out (each corpus file is one writer; trained without it, tested on all of it)\n`;
  s += formatEvaluation('all writers, each left out in turn', version, report.overall, errors);
  s += '\n  writer  listings  recall  hard-neg FPR  new jargon  category  flag+review  worst attack\n';
  for (const { writer, evaluation: e, attacks } of report.writers) {
    const positives = e.overall.tp + e.overall.fn;
    const worst = attacks ? Math.max(...ATTACK_KINDS.map((k) => (attacks[k].caught ? attacks[k].flipped / attacks[k].caught : 0))) : null;
    s += `  ${writer.padEnd(7)} ${String(e.listings).padStart(8)}  ${opt(positives ? e.overall.recall : null)}  ${opt(e.hardNegatives ? e.hardNegativeFalsePositiveRate : null).padStart(12)}`;
    s += `  ${opt(e.newJargonPositives ? e.newJargonRecall : null).padStart(10)}  ${opt(positives ? e.categoryAccuracy : null).padStart(8)}`;
    s += `  ${opt(positives ? e.flaggedOrReviewRecall : null).padStart(11)}  ${opt(worst).padStart(12)}\n`;
  }
  if (sealed.size > 0) {
    s += '\n  writers by how they were used while building (sealed: never read; see classifier/corpus/writers.json)\n';
    s += groupLine(
      'sealed writers',
      report.writers.filter((w) => sealed.has(w.writer)),
    );
    s += groupLine(
      'other new writers',
      report.writers.filter((w) => !sealed.has(w.writer) && w.writer.startsWith('w')),
    );
    s += groupLine(
      'earlier corpus files',
      report.writers.filter((w) => !sealed.has(w.writer) && !w.writer.startsWith('w')),
    );
  }
  if (report.attacks) s += formatAttacks('attacks, each writer under its left-out model', report.attacks);
  return s;
}

/** Pooled figures of a group of writers: recall, precision, F1, hard-negative false-positive rate. */
function groupLine(name: string, writers: CrossSourceReport['writers']): string {
  if (writers.length === 0) return '';
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  let hard = 0,
    hardFlagged = 0;
  for (const { evaluation: e } of writers) {
    c.tp += e.overall.tp;
    c.fp += e.overall.fp;
    c.fn += e.overall.fn;
    hard += e.hardNegatives;
    hardFlagged += e.hardNegativesFlagged;
  }
  const m = prf(c);
  return `  ${`${name} (${writers.length})`.padEnd(26)} recall ${pct(m.recall).padStart(6)}  precision ${pct(m.precision).padStart(6)}  F1 ${m.f1.toFixed(3)}  hard-negative FPR ${pct(hard ? hardFlagged / hard : 0)} of ${hard}\n`;
}
