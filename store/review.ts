import { sql, type ExpressionBuilder } from 'kysely';
import { maskSensitive } from '../privacy/index.js';
import type { ListingPrice, ListingText } from '../contracts/index.js';
import type { Store } from './open.js';
export { listingDetail, type ListingDetailRecord } from './listing-detail.js';
import type { AuditLogTable, Database, Decision } from './schema.js';

type ListingQuery = Database & { l: Database['listings']; s: Database['listing_sellers']; c: Database['seller_clusters'] };

export interface ListingFilters {
  readonly flagged?: boolean;
  /** In the review band (not flagged, scored high enough that an investigator should look). */
  readonly review?: boolean;
  readonly category?: string;
  /** A decision, or 'none' for undecided listings. */
  readonly decision?: Decision | 'none';
  readonly site?: string;
  /** Text searched in title, description and seller. */
  readonly q?: string;
  readonly minScore?: number;
  /** Only listings whose seller cluster holds at least this many listings. */
  readonly minClusterSize?: number;
  /** Only these listings (a seller cluster's); an empty list matches none. */
  readonly ids?: readonly number[];
  /** 'cluster': listings of the largest seller clusters first (a listing alone counts 1), then by score; default: by score. */
  readonly sort?: 'score' | 'cluster';
}

export interface ListingRow extends ListingText, ListingPrice {
  id: number;
  site: string;
  url: string;
  flagged: boolean;
  review: boolean;
  score: number;
  category: string | null;
  decision: Decision | null;
  reports: number;
  fetchedAt: string;
  contentHash: string;
  /** The size of its seller cluster (1 when alone); read only with sort 'cluster'. */
  clusterSize?: number;
}

/** Where a page ends: the last row's score and id, and its cluster size under sort 'cluster'. */
export interface ListingCursor {
  readonly score: number;
  readonly id: number;
  readonly clusterSize?: number;
}

export const encodeCursor = (row: ListingCursor) =>
  Buffer.from(JSON.stringify(row.clusterSize === undefined ? [row.score, row.id] : [row.score, row.id, row.clusterSize])).toString('base64url');
export function decodeCursor(cursor: string): ListingCursor | null {
  try {
    const [score, id, clusterSize, ...rest] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof score !== 'number' || !Number.isInteger(id) || rest.length > 0) return null;
    if (clusterSize === undefined) return { score, id: id as number };
    return Number.isInteger(clusterSize) ? { score, id: id as number, clusterSize: clusterSize as number } : null;
  } catch {
    return null;
  }
}

/** Listings, highest score first, filtered and paged by cursor. */
export async function listListings(store: Store, f: ListingFilters, cursor: ListingCursor | null, limit: number): Promise<ListingRow[]> {
  if (!f.q) return selectListings(store, f, cursor, limit);
  // Search reads the text as it is shown (masked): searching the stored text would let a caller
  // guess a masked number digit by digit and watch which guess still finds the listing. A match in
  // the masked text is a match in the stored one (masking only turns characters into '*'), so the
  // database narrows with LIKE and the masked text decides, page by page until `limit` rows pass.
  const needle = f.q.toLowerCase();
  const out: ListingRow[] = [];
  let after = cursor;
  for (;;) {
    const batch = await selectListings(store, f, after, Math.max(limit, 200));
    for (const row of batch) if (searchableText(row).includes(needle) && out.push(row) === limit) return out;
    if (batch.length < Math.max(limit, 200)) return out;
    after = batch.at(-1)!;
  }
}

const searchableText = (r: ListingRow) => [r.title, r.description, r.seller].map((t) => (t === null ? '' : maskSensitive(t).toLowerCase())).join('\n');

/** LIKE's wildcards taken literally: the pattern escapes them with '\\', which both dialects are told. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function selectListings(store: Store, f: ListingFilters, cursor: ListingCursor | null, limit: number): Promise<ListingRow[]> {
  const byCluster = f.sort === 'cluster';
  // A listing never linked, or alone, is a cluster of one.
  const clusterSize = sql<number>`coalesce(c.size, 1)`;
  let q = store.db
    .selectFrom('listings as l')
    .leftJoin('listing_sellers as s', 's.listing_id', 'l.id')
    .leftJoin('seller_clusters as c', 'c.id', 's.cluster_id')
    .select((eb) => [
      'l.id',
      'l.site',
      'l.url',
      'l.title',
      'l.description',
      'l.price',
      'l.price_amount',
      'l.currency',
      'l.price_unit',
      'l.seller',
      'l.flagged',
      'l.review',
      'l.score',
      'l.category',
      'l.decision',
      'l.fetched_at',
      'l.content_hash',
      eb
        .selectFrom('reports as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.listing_id', '=', 'l.id')
        .as('reports'),
      clusterSize.as('cluster_size'),
    ])
    .$if(byCluster, (qb) => qb.orderBy(clusterSize, 'desc'))
    .orderBy('l.score', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit);
  if (f.flagged !== undefined) q = q.where('l.flagged', '=', f.flagged ? 1 : 0);
  if (f.review !== undefined) q = q.where('l.review', '=', f.review ? 1 : 0);
  if (f.category) q = q.where('l.category', '=', f.category);
  if (f.decision === 'none') q = q.where('l.decision', 'is', null);
  else if (f.decision) q = q.where('l.decision', '=', f.decision);
  if (f.site) q = q.where('l.site', '=', f.site);
  if (f.minScore !== undefined) q = q.where('l.score', '>=', f.minScore);
  if (f.minClusterSize !== undefined && f.minClusterSize > 1) {
    const size = f.minClusterSize;
    q = q.where('l.id', 'in', (eb) =>
      eb.selectFrom('listing_sellers as s').innerJoin('seller_clusters as c', 'c.id', 's.cluster_id').select('s.listing_id').where('c.size', '>=', size),
    );
  }
  if (f.ids) q = f.ids.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('l.id', 'in', f.ids);
  if (f.q) {
    const pattern = likePattern(f.q);
    // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE does the same there.
    const like = store.dialect === 'postgres' ? sql.raw('ilike') : sql.raw('like');
    q = q.where((eb) => eb.or((['l.title', 'l.description', 'l.seller'] as const).map((c) => sql<boolean>`${eb.ref(c)} ${like} ${pattern} escape '\\'`)));
  }
  if (cursor) {
    const after = (eb: ExpressionBuilder<ListingQuery, 'l'>) =>
      eb.or([eb('l.score', '<', cursor.score), eb.and([eb('l.score', '=', cursor.score), eb('l.id', '<', cursor.id)])]);
    const size = cursor.clusterSize;
    q =
      byCluster && size !== undefined
        ? q.where((eb) => eb.or([eb(clusterSize, '<', size), eb.and([eb(clusterSize, '=', size), after(eb)])]))
        : q.where((eb) => after(eb));
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    site: r.site,
    url: r.url,
    title: r.title,
    description: r.description,
    price: r.price,
    priceAmount: r.price_amount,
    currency: r.currency,
    priceUnit: r.price_unit,
    seller: r.seller,
    flagged: r.flagged === 1,
    review: r.review === 1,
    score: r.score,
    category: r.category,
    decision: r.decision,
    reports: Number(r.reports ?? 0),
    fetchedAt: r.fetched_at,
    contentHash: r.content_hash,
    ...(byCluster ? { clusterSize: Number(r.cluster_size) } : {}),
  }));
}

export async function recordDecision(store: Store, listingId: number, decision: Decision, note: string | null, actor: string): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('listings').set({ decision }).where('id', '=', listingId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    const at = new Date().toISOString();
    await trx.insertInto('decisions').values({ listing_id: listingId, decision, note, decided_by: actor, decided_at: at }).execute();
    await trx.insertInto('audit_log').values({ actor, action: 'decide', listing_id: listingId, detail: decision, at }).execute();
    return true;
  });
}

export async function audit(
  store: Store,
  actor: string,
  action: AuditLogTable['action'],
  listingId: number | null,
  detail: string | null = null,
): Promise<void> {
  await store.db.insertInto('audit_log').values({ actor, action, listing_id: listingId, detail, at: new Date().toISOString() }).execute();
}

export async function auditLog(store: Store, listingId?: number) {
  let q = store.db.selectFrom('audit_log').select(['actor', 'action', 'listing_id', 'detail', 'at']).orderBy('id');
  if (listingId !== undefined) q = q.where('listing_id', '=', listingId);
  return q.execute();
}
