import type { Evidence, Verdict } from '../contracts/index.js';

/**
 * A verdict's members as JSON.stringify writes them, without the braces: the same keys in the same
 * order (Verdict's and Evidence's, as the classifier builds them), strings escaped by JSON.stringify
 * itself. Written out because the generic serializer walking each verdict was a twentieth of
 * `faceleak classify`'s time; verdict-json.test.ts holds it to JSON.stringify's output.
 */
export function verdictMembers(v: Verdict): string {
  let evidence = '';
  for (let i = 0; i < v.evidence.length; i++) evidence += `${i === 0 ? '' : ','}${evidenceJson(v.evidence[i]!)}`;
  const category = v.category === null ? 'null' : `"${v.category}"`;
  return `"flagged":${v.flagged},"review":${v.review},"category":${category},"score":${JSON.stringify(v.score)},"evidence":[${evidence}],"modelVersion":${versionJson(v.modelVersion)}`;
}

function evidenceJson(e: Evidence): string {
  return `{"field":"${e.field}","start":${e.start},"end":${e.end},"text":${JSON.stringify(e.text)},"reason":${reasonJson(e.reason)}}`;
}

// Reasons are a few hundred strings (the lexicon's entries, each read a few ways): each escaped once.
// Capped, so a caller that makes up reasons cannot grow the map without end.
const MAX_REASONS_KEPT = 10_000;
const reasonsJson = new Map<string, string>();
function reasonJson(reason: string): string {
  let json = reasonsJson.get(reason);
  if (json === undefined) {
    json = JSON.stringify(reason);
    if (reasonsJson.size < MAX_REASONS_KEPT) reasonsJson.set(reason, json);
  }
  return json;
}

// One model version serves every verdict of a run: escaped once.
let lastVersion = '';
let lastVersionJson = '""';
function versionJson(version: string): string {
  if (version !== lastVersion) {
    lastVersion = version;
    lastVersionJson = JSON.stringify(version);
  }
  return lastVersionJson;
}
