import type { WriterResult } from './evaluate-writer.js';

/** The discovery evaluation as a Markdown table, per writer and pooled over writers. */

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

type Sums = Omit<WriterResult, 'name' | 'candidates' | 'missed' | 'stillMissed'>;

export function pooled(results: readonly WriterResult[]): Sums {
  const keys = Object.keys(results[0] ?? {}).filter((k) => typeof (results[0] as unknown as Record<string, unknown>)[k] === 'number') as (keyof Sums)[];
  const out = Object.fromEntries(keys.map((k) => [k, results.reduce((n, r) => n + r[k], 0)])) as unknown as Sums;
  return out;
}

function row(name: string, r: Sums): string {
  return [
    name,
    String(r.listings),
    `${r.terms}`,
    pct(r.found50, r.terms),
    pct(r.found100, r.terms),
    pct(r.real50, r.top50),
    pct(r.rightCategory, r.trueCandidates),
    `${pct(r.flaggedBefore, r.illicit)} → ${pct(r.flaggedAfter, r.illicit)}`,
    `${pct(r.reachedBefore, r.illicit)} → ${pct(r.reachedAfter, r.illicit)}`,
    `${pct(r.hardFlaggedBefore, r.hardNegatives)} → ${pct(r.hardFlaggedAfter, r.hardNegatives)}`,
    `${pct(r.writerHardFlaggedBefore, r.writerHardNegatives)} → ${pct(r.writerHardFlaggedAfter, r.writerHardNegatives)}`,
    String(r.approved),
  ].join(' | ');
}

export function formatReport(results: readonly WriterResult[], benignPerIllicit: number): string {
  const lines = [
    `Each writer's listings mixed with ${benignPerIllicit} benign corpus listings per illicit listing; discovery run per writer.`,
    "found@k: share of the writer's terms matched by a candidate in the top k (equal, or one contains the other and the shorter is ≥2 characters and ≥ half the longer, after normalization; any spelling of either side).",
    "real@50: share of the top-50 candidates (as many as clear the minimum score) matching a writer term; category right: share of those true candidates given the term's category. Recall: writer's illicit listings flagged (reach: flagged or review), before → after approving the true candidates of the top 100.",
    "FPR: hard negatives flagged, all in the mix (writer's and corpus's) and the writer's own.",
    '',
    '| writer | listings | terms | found@50 | found@100 | real@50 | category right | recall | reach | hard-neg FPR | writer hard-neg FPR | approved |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${row(r.name, r)} |`),
    `| ${row('**overall**', pooled(results))} |`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The top candidates of each writer, marked true or not, and the terms missed (for looking at one's own dev data). */
export function formatDetail(r: WriterResult, n: number): string {
  const lines = [`\n### ${r.name}: top ${n}`];
  for (const c of r.candidates.slice(0, n)) {
    lines.push(
      `${c.matches.length > 0 ? '✓' : '·'} ${c.term} [${c.category}] ${c.score} F${c.support.flagged}/R${c.support.review}/B${c.support.benign} ${c.variants.length > 0 ? `(${c.variants.join(', ')}) ` : ''}— ${c.why}`,
    );
  }
  lines.push(`missed: ${r.missed.join(', ') || 'none'}`);
  return `${lines.join('\n')}\n`;
}

/** The writer's illicit listings still not flagged after approval, with their score and evidence (why approval did not reach them). */
export function formatStillMissed(r: WriterResult): string {
  const lines = [`\n### ${r.name}: ${r.stillMissed.length} illicit listings not flagged after approval`];
  for (const m of r.stillMissed) lines.push(`- ${m.id} ${m.score}${m.review ? ' review' : ''}: ${m.text}`, `  evidence: ${m.evidence.join('; ') || 'none'}`);
  return `${lines.join('\n')}\n`;
}
