import type { Category } from '../../contracts/index.js';
import type { PartId } from '../lexicon/schema.js';
import type { LexiconEntry } from '../lexicon/load.js';
import { isTradeSignal, type ListingAnalysis, type RuleHit } from './analyze.js';
import { describesPeople } from './people-described.js';

/**
 * The offer's structure: what a listing sells, read from ordinary words whatever the jargon. A listing
 * that names an identity document held by a person in one frame, at a price per unit, is an offer of
 * handheld-ID photos even when no coded term is known. Parts come from the lexicon's `parts.json`, and
 * from trade signals, patterns and coded terms, which imply parts (五毛一张 is a sale of many units).
 */
/** The structures that name a product (the rest, sale and concrete, say it is sold). */
export const PRODUCT_STRUCTURES = ['frame', 'doc-images', 'bundle', 'kit', 'liveness'] as const;
export const STRUCTURES = [...PRODUCT_STRUCTURES, 'sale', 'concrete'] as const;
export type StructureId = (typeof STRUCTURES)[number];

/** Whether the offer names a product of the trade (whatever its sale terms). */
export const namesAProduct = (offer: Offer): boolean => PRODUCT_STRUCTURES.some((s) => offer.structures.has(s));

export interface Offer {
  /** Parts named, not negated. */
  readonly parts: ReadonlySet<PartId>;
  readonly structures: ReadonlySet<StructureId>;
  /** Distinct identity items of one person: document, handheld, bank card, phone card, account, personal details. */
  readonly kitItems: number;
  /** The hits that make the structures present (what evidence shows). */
  readonly support: ReadonlySet<RuleHit>;
  /** The listing names a product of the trade: a coded term (an approved ambiguous one where the listing corroborates it) or a product structure. */
  readonly named: boolean;
  /** Approved terms that need a signal count here (`corroborated`): for sale and naming the trade or its people, or several terms. */
  readonly ambiguousCount: boolean;
}

/** Compact characters within which two parts count as one phrase ("holding their ID next to the face"). */
const NEAR = 28;

// Trade signals and patterns as parts.
const SIGNAL_PARTS: Record<string, PartId> = {
  contact: 'sale',
  'sale-intent': 'sale',
  guarantee: 'sale',
  delivery: 'sale',
  payment: 'sale',
  discretion: 'sale',
  bulk: 'many',
  'no-consent': 'no-consent',
  provenance: 'no-consent',
  realness: 'real',
};
const PATTERN_PARTS: Record<string, readonly PartId[]> = {
  'unit-price': ['sale', 'many'],
  'bulk-quantity': ['many'],
  'contact-id': ['sale'],
  price: ['sale'],
  count: ['many'],
};
// A coded term (not an ambiguous one) names its product's parts.
const TERM_PARTS: Record<Category, readonly PartId[]> = {
  id_holding_photo: ['document', 'together', 'media'],
  face_bundle: ['face', 'media'],
  identity_kit: ['document'],
  liveness_bypass: ['animate', 'use'],
};
// Inside a negation some parts turn over: "no real people" is synthetic, 未脱敏 / "not anonymized" is without consent.
const TURN: Partial<Record<PartId, PartId>> = { real: 'synthetic', synthetic: 'real' };

interface Located {
  readonly part: PartId;
  readonly hit: RuleHit;
}

// Parts only an offer of the trade names: a document, a face, a hold, a face check and its motions, a
// stand-in, an account or card, personal details, data taken without consent. Not a sale, a quantity,
// a photo, a set, realness or a print (a 3D print, a mask, a loop), which any shop's goods carry.
const TRADE_PARTS: ReadonlySet<PartId> = new Set([
  'document',
  'face',
  'together',
  'use',
  'motion',
  'animate',
  'stand-in',
  'bank-card',
  'phone-card',
  'account',
  'personal-info',
  'no-consent',
]);

const live = (h: RuleHit) => !h.negated && !h.quoted;

/** Several coded terms, neither negated nor quoted: sellers who coin one word coin several. */
function severalTerms(hits: readonly RuleHit[]): boolean {
  const terms = new Set<string>();
  for (const h of hits) if (live(h) && h.entry?.kind === 'term') terms.add(h.entry.id);
  return terms.size >= 2;
}

/**
 * The listing names something of the trade besides an approved ambiguous word: one of its parts, or
 * several coded terms. A price per unit and an ambiguous word is what every shop of the word's innocent
 * goods writes (skeins at $9 a skein, 番茄 五斤装).
 */
export function namesTheTrade(hits: readonly RuleHit[]): boolean {
  return hits.some((h) => live(h) && h.entry?.kind === 'part' && TRADE_PARTS.has(h.entry.part!)) || severalTerms(hits);
}

/**
 * Whether an approved term that needs a signal counts: the listing is for sale (a price or a signal
 * word) and names something of the trade or picks the people whose faces it sells (describesPeople),
 * or it holds several coded terms; never with something that makes the words innocent (a context:
 * art, a hobby, help). A price or "DM for bulk" alone is what every shop's listing holds: with them alone,
 * an approved word that also names succulents or loop packs flagged those (issue 13's writers' hard
 * negatives, 3.5–11% flagged after approval on the dev sets).
 */
function corroborated(analysis: ListingAnalysis, sold: boolean): boolean {
  const hits = analysis.hits;
  // The approved word itself read as a context (考勤照 holds 考勤, read as a device) says nothing of the listing.
  const approved = hits.filter((h) => h.entry?.approved !== undefined);
  const within = (c: RuleHit) => approved.some((a) => a.field === c.field && c.cstart < a.cend && a.cstart < c.cend);
  if (hits.some((h) => h.entry?.kind === 'context' && !h.negated && !within(h))) return false;
  // Several coded terms need no sale words: sellers whose signal words are new jargon too.
  return (sold && (namesTheTrade(hits) || describesPeople(analysis))) || severalTerms(hits);
}

/** A term names its product alone, or, for an approved term that needs a signal (lexicon/overlay.ts), where the listing corroborates it. */
export const namesItsProduct = (e: LexiconEntry, ambiguousCount: boolean) => !e.needsSignal || (e.approved !== undefined && ambiguousCount);

function partsOf(hit: RuleHit, ambiguousCount: boolean): readonly PartId[] {
  const e = hit.entry;
  if (hit.pattern !== null) return PATTERN_PARTS[hit.pattern] ?? [];
  if (e === null) return [];
  if (e.kind === 'part') return [e.part!];
  if (e.kind === 'signal') return SIGNAL_PARTS[e.id] ? [SIGNAL_PARTS[e.id]!] : [];
  if (e.kind === 'term' && e.category && namesItsProduct(e, ambiguousCount)) return TERM_PARTS[e.category];
  return [];
}

export function readOffer(analysis: ListingAnalysis): Offer {
  // A listing with a price is for sale, whatever its words ("free" is not a price).
  const price = analysis.fields.find((f) => f.field === 'price')?.normalized.base ?? '';
  const priced = /[\d$¥€£]|[一二三四五六七八九十百千万]/.test(price) && !/免费|free|^\s*0+(\.0+)?\s*$/.test(price);
  // Only an approved term that needs a signal is read by whether the listing corroborates it (namesItsProduct): shipped terms are read as trained.
  const awaitsSignal = analysis.hits.some((h) => h.entry?.approved !== undefined && h.entry.needsSignal);
  const ambiguousCount = awaitsSignal && corroborated(analysis, priced || analysis.hits.some((h) => !h.negated && isTradeSignal(h)));
  const located: Located[] = [];
  for (const hit of analysis.hits) {
    if (!hit.negated) {
      for (const part of partsOf(hit, ambiguousCount)) located.push({ part, hit });
      continue;
    }
    const e = hit.entry;
    // 未脱敏, not de-identified, 未授权: consent denied is the lack of it; "no real people" is synthetic.
    const part =
      e?.kind === 'part'
        ? TURN[e.part!]
        : e?.kind === 'signal' && e.id === 'realness'
          ? 'synthetic'
          : e?.kind === 'context' && e.id === 'consent'
            ? 'no-consent'
            : undefined;
    if (part) located.push({ part, hit });
  }
  const parts = new Set<PartId>();
  for (const l of located) parts.add(l.part);
  if (priced) parts.add('sale');
  const byPart = new Map<PartId, Located[]>();
  for (const l of located) {
    const list = byPart.get(l.part);
    if (list) list.push(l);
    else byPart.set(l.part, [l]);
  }
  const of = (p: PartId): Located[] => byPart.get(p) ?? [];
  // Each part's hits sorted by field and position, so a pair search looks only within NEAR of each hit:
  // comparing every hit with every other took minutes on a long field dense with terms.
  const sortedOf = new Map<PartId, { l: Located; i: number }[]>();
  const sorted = (q: PartId) => {
    let list = sortedOf.get(q);
    if (!list) {
      list = of(q)
        .map((l, i) => ({ l, i }))
        .sort((x, y) => (x.l.hit.field < y.l.hit.field ? -1 : x.l.hit.field > y.l.hit.field ? 1 : x.l.hit.cstart - y.l.hit.cstart));
      sortedOf.set(q, list);
    }
    return list;
  };
  /** Every a of p with every b of q in the same field within NEAR of it, in the order of p's and then q's hits. */
  const pairs = (p: PartId, q: PartId): Located[] => {
    const out: Located[] = [];
    const bs = sorted(q);
    for (const a of of(p)) {
      const { field, cstart } = a.hit;
      let lo = 0;
      let hi = bs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const m = bs[mid]!.l.hit;
        if (m.field < field || (m.field === field && m.cstart < cstart - NEAR)) lo = mid + 1;
        else hi = mid;
      }
      const within: number[] = [];
      for (let k = lo; k < bs.length && bs[k]!.l.hit.field === field && bs[k]!.l.hit.cstart <= cstart + NEAR; k++) within.push(bs[k]!.i);
      within.sort((x, y) => x - y);
      for (const i of within) out.push(a, of(q)[i]!);
    }
    return out;
  };

  const structures = new Set<StructureId>();
  const support: Located[] = [];
  const add = (s: StructureId, why: readonly Located[]) => {
    if (why.length === 0) return;
    structures.add(s);
    // A loop, not push(...why): a 64 Ki-character field can support a structure with more hits than a call takes arguments.
    for (const w of why) support.push(w);
  };

  // Document and face in one frame: holding a document, or holding beside a face, in a listing that
  // names a document and a face or a photo (a phone case that "holds ID + 2 cards" names neither).
  const pictured = parts.has('face') || parts.has('media');
  const heldDocument = pictured ? pairs('together', 'document') : [];
  const heldFace = parts.has('document') ? pairs('together', 'face') : [];
  // "ID + face shots", "주민등록증 + face": a document and a face named in one phrase, with a photo or a hold.
  const docWithFace = parts.has('media') || parts.has('together') ? pairs('document', 'face') : [];
  add('frame', [...heldDocument, ...heldFace, ...docWithFace]);
  add('doc-images', pairs('document', 'media'));
  // A dataset that says its faces are synthetic needs an explicit lack of consent to be a bundle of real people.
  const synthetic = parts.has('synthetic');
  if (parts.has('face') && parts.has('many') && (parts.has('no-consent') || (!synthetic && (parts.has('real') || parts.has('sale'))))) {
    add('bundle', [...of('face'), ...of('many'), ...of('no-consent')]);
  }
  const items: PartId[] = ['document', 'bank-card', 'phone-card', 'account', 'personal-info'];
  const kitItems = items.filter((p) => parts.has(p)).length + (structures.has('frame') ? 1 : 0);
  if (kitItems >= 3 || (kitItems >= 2 && parts.has('one-person'))) add('kit', items.flatMap(of));
  const fakes = [...of('motion'), ...of('animate'), ...of('spoof'), ...of('stand-in')];
  if (fakes.length > 0 && (parts.has('use') || parts.has('face'))) add('liveness', [...fakes, ...of('use')]);
  if (parts.has('sale')) structures.add('sale');
  support.push(...of('sale'));
  // A coded term of the trade (not an ambiguous one) names a product as surely as its parts do.
  const coded = analysis.hits.some((h) => h.entry?.kind === 'term' && namesItsProduct(h.entry, ambiguousCount));
  const supportHits = new Set<RuleHit>();
  for (const l of support) supportHits.add(l.hit);
  const offer = { parts, structures, kitItems, support: supportHits, named: false, ambiguousCount };
  offer.named = coded || namesAProduct(offer);
  if (offer.named && structures.has('sale')) structures.add('concrete');
  return offer;
}
