import type { Selectable } from 'kysely';
import type { Store } from './open.js';
import type { LexiconSuggestionsTable } from './schema.js';

/** A candidate code word as discovery proposes it, with the key that makes two spellings one term. */
export interface SuggestionInput {
  readonly term: string;
  readonly matchKey: string;
  readonly category: string;
  readonly score: number;
  readonly support: { flagged: number; review: number; benign: number };
  readonly variants: readonly string[];
  readonly examples: readonly string[];
  readonly why: string;
}

export interface Suggestion extends SuggestionInput {
  readonly status: LexiconSuggestionsTable['status'];
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly updatedAt: string;
}

const total = (s: { flagged: number; review: number; benign: number }) => s.flagged + s.review + s.benign;

/** A rejected term comes back only when it has spread: twice the listings it had, and five more at least. */
export const comesBack = (now: number, atDecision: number) => now >= 2 * atDecision && now >= atDecision + 5;

/**
 * Stores a discovery run's candidates: new ones wait as pending, pending ones are refreshed, approved
 * ones are left alone, and rejected ones stay rejected unless their support grew a lot.
 */
export async function saveSuggestions(store: Store, candidates: readonly SuggestionInput[]): Promise<{ added: number; refreshed: number; returned: number }> {
  const counts = { added: 0, refreshed: 0, returned: 0 };
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    for (const c of candidates) {
      const old = await trx.selectFrom('lexicon_suggestions').select(['status', 'support_at_decision']).where('match_key', '=', c.matchKey).executeTakeFirst();
      const row = {
        term: c.term,
        category: c.category,
        score: c.score,
        support: JSON.stringify(c.support),
        variants: JSON.stringify(c.variants),
        examples: JSON.stringify(c.examples),
        why: c.why,
        updated_at: now,
      };
      if (!old) {
        await trx
          .insertInto('lexicon_suggestions')
          .values({ ...row, match_key: c.matchKey, status: 'pending', support_at_decision: null, decided_by: null, decided_at: null })
          .execute();
        counts.added++;
      } else if (old.status === 'pending') {
        await trx.updateTable('lexicon_suggestions').set(row).where('match_key', '=', c.matchKey).execute();
        counts.refreshed++;
      } else if (old.status === 'rejected' && comesBack(total(c.support), old.support_at_decision ?? 0)) {
        await trx
          .updateTable('lexicon_suggestions')
          .set({ ...row, status: 'pending' })
          .where('match_key', '=', c.matchKey)
          .execute();
        counts.returned++;
      }
    }
  });
  return counts;
}

/** A stored row as a suggestion: the one place its JSON columns are read. */
function toSuggestion(r: Selectable<LexiconSuggestionsTable>): Suggestion {
  return {
    term: r.term,
    matchKey: r.match_key,
    category: r.category,
    score: r.score,
    support: JSON.parse(r.support),
    variants: JSON.parse(r.variants),
    examples: JSON.parse(r.examples),
    why: r.why,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    updatedAt: r.updated_at,
  };
}

/** Suggestions of a status, best first. */
export async function suggestions(store: Store, status: LexiconSuggestionsTable['status'] = 'pending', limit = 200): Promise<Suggestion[]> {
  const rows = await store.db
    .selectFrom('lexicon_suggestions')
    .selectAll()
    .where('status', '=', status)
    .orderBy('score', 'desc')
    .orderBy('match_key')
    .limit(limit)
    .execute();
  return rows.map(toSuggestion);
}

export async function suggestion(store: Store, matchKey: string): Promise<Suggestion | null> {
  const row = await store.db.selectFrom('lexicon_suggestions').selectAll().where('match_key', '=', matchKey).executeTakeFirst();
  return row ? toSuggestion(row) : null;
}

export async function pendingSuggestionCount(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('lexicon_suggestions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The overlay in force (the newest version), or null when no term was ever approved. */
export async function currentOverlay(store: Store): Promise<{ id: number; overlay: string; createdBy: string; createdAt: string } | null> {
  const row = await store.db.selectFrom('lexicon_overlays').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { id: row.id, overlay: row.overlay, createdBy: row.created_by, createdAt: row.created_at } : null;
}

/**
 * Records an investigator's decision on a suggestion; an approval comes with the overlay that now
 * holds the term, stored as the new version in the same transaction. Logged. False: no such suggestion.
 */
export async function decideSuggestion(
  store: Store,
  matchKey: string,
  status: 'approved' | 'rejected',
  actor: string,
  newOverlay: string | null,
  detail: string,
): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('lexicon_suggestions').select(['support']).where('match_key', '=', matchKey).executeTakeFirst();
    if (!old) return false;
    const at = new Date().toISOString();
    await trx
      .updateTable('lexicon_suggestions')
      .set({ status, decided_by: actor, decided_at: at, support_at_decision: total(JSON.parse(old.support)) })
      .where('match_key', '=', matchKey)
      .execute();
    if (newOverlay !== null) await trx.insertInto('lexicon_overlays').values({ overlay: newOverlay, created_by: actor, created_at: at }).execute();
    await trx
      .insertInto('audit_log')
      .values({ actor, action: status === 'approved' ? 'term-approve' : 'term-reject', listing_id: null, detail, at })
      .execute();
    return true;
  });
}

/** Stores an overlay brought from elsewhere (`faceleak lexicon import`) as the new version. Logged. */
export async function importOverlay(store: Store, overlay: string, actor: string, detail: string): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const row = await trx.insertInto('lexicon_overlays').values({ overlay, created_by: actor, created_at: at }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('audit_log').values({ actor, action: 'lexicon-import', listing_id: null, detail, at }).execute();
    return row.id;
  });
}

/** Stored listings with their current verdict, in id order, as discovery reads them; `since`: fetched at or after. */
export async function* listingsWithVerdicts(store: Store, since?: string, pageSize = 1000) {
  let after = 0;
  for (;;) {
    let q = store.db
      .selectFrom('listings')
      .select(['id', 'title', 'description', 'price', 'flagged', 'review', 'score', 'category'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize);
    if (since) q = q.where('fetched_at', '>=', since);
    const rows = await q.execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      after = r.id;
      yield {
        listing: { id: String(r.id), title: r.title, description: r.description, price: r.price },
        verdict: { flagged: r.flagged === 1, review: r.review === 1, score: r.score, category: r.category },
      };
    }
  }
}

/** A few listings by id, for a suggestion's examples. */
export async function listingsByIds(store: Store, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return store.db.selectFrom('listings').select(['id', 'site', 'title', 'description']).where('id', 'in', ids).execute();
}
