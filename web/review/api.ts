import type {
  BulkResult,
  Claim,
  ClaimResult,
  ClusterDecisionResult,
  Decision,
  Filters,
  ListingDetail,
  Me,
  QueuePage,
  SellerClusterDetail,
  SellerClusterPage,
  Suggestion,
  SuggestionDecision,
  SuggestionDecisionResult,
} from './types.js';

/** An API answer that was not a success, with the server's stable code and message. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Query parameters of a filter, leaving out what the investigator left empty. */
export function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string][]) {
    const trimmed = value.trim();
    if (trimmed !== '') params.set(key, trimmed);
  }
  return params;
}

// The server's error body is {"error": {"code", "message"}}; anything else (a proxy's page) gets a generic message.
async function failure(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    if (typeof code === 'string' && typeof message === 'string') return new ApiFailure(res.status, code, message);
  } catch {
    // not JSON: fall through
  }
  return new ApiFailure(res.status, 'FL_HTTP', `the server answered ${res.status} ${res.statusText}`);
}

/** The review API, called with the investigator's token. Same origin only (CSP connect-src 'self'). */
export class ReviewApi {
  constructor(private readonly token: string) {}

  private async request(path: string, init: { method?: string; body?: unknown; keepalive?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
      cache: 'no-store',
      keepalive: init.keepalive ?? false,
    });
    if (!res.ok) throw await failure(res);
    return res;
  }

  private async json<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }

  me(): Promise<Me> {
    return this.json('/api/v1/me');
  }

  listings(filters: Filters, cursor: string | null, limit: number): Promise<QueuePage> {
    const params = filterParams(filters);
    params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    return this.json(`/api/v1/listings?${params}`);
  }

  /** One listing; `unmask` shows ID, phone and card numbers, and the server logs that it did. */
  listing(id: number, unmask: boolean): Promise<ListingDetail> {
    return this.json(`/api/v1/listings/${id}${unmask ? '?unmask=true' : ''}`);
  }

  /** Claims the listing while it is open (or renews the claim); answers with the claim in force, maybe another investigator's. */
  claim(id: number): Promise<ClaimResult> {
    return this.json(`/api/v1/listings/${id}/claim`, { method: 'POST' });
  }

  /** Releases our claim; `keepalive` lets it finish while the tab closes. */
  async release(id: number, keepalive = false): Promise<void> {
    await this.request(`/api/v1/listings/${id}/claim`, { method: 'DELETE', keepalive });
  }

  /** Every live claim: which listings the other investigators have open. */
  async claims(): Promise<Claim[]> {
    return (await this.json<{ items: Claim[] }>('/api/v1/claims')).items;
  }

  async decide(id: number, decision: Decision, note: string): Promise<void> {
    await this.request(`/api/v1/listings/${id}/decision`, { method: 'POST', body: note ? { decision, note } : { decision } });
  }

  decideMany(ids: number[], decision: Decision, note: string): Promise<BulkResult> {
    return this.json('/api/v1/decisions', { method: 'POST', body: note ? { ids, decision, note } : { ids, decision } });
  }

  /** Suggested code words not yet decided, best first; their examples come masked (the server logs the read). */
  async pendingSuggestions(): Promise<Suggestion[]> {
    return (await this.json<{ items: Suggestion[] }>('/api/v1/suggestions?status=pending')).items;
  }

  /** Approves a term into the lexicon overlay (a new overlay version) or rejects it; 409 when someone decided first. */
  decideSuggestion(body: SuggestionDecision): Promise<SuggestionDecisionResult> {
    return this.json('/api/v1/suggestions/decision', { method: 'POST', body });
  }

  /** The export file of a filter, with the name the server gave it. */
  exportFile(format: 'csv' | 'jsonl', filters: Filters): Promise<{ blob: Blob; filename: string }> {
    const params = filterParams(filters);
    params.set('format', format);
    return this.file(`/api/v1/export?${params}`, `faceleak-export.${format}`);
  }

  /** Seller clusters, largest then most recently active first (the server logs the read). */
  sellers(cursor: string | null, limit: number): Promise<SellerClusterPage> {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    return this.json(`/api/v1/sellers?${params}`);
  }

  /** One seller cluster; `unmask` shows its contact handles whole, and the server logs that it did. */
  seller(id: number, unmask: boolean): Promise<SellerClusterDetail> {
    return this.json(`/api/v1/sellers/${id}${unmask ? '?unmask=true' : ''}`);
  }

  /** Decides every listing of a cluster (one decision row and audit entry per listing). */
  decideCluster(id: number, decision: Decision, note: string): Promise<ClusterDecisionResult> {
    return this.json(`/api/v1/sellers/${id}/decision`, { method: 'POST', body: note ? { decision, note } : { decision } });
  }

  /** A cluster as one evidence file (JSON Lines with the WARC snapshots), with the name the server gave it. */
  exportCluster(id: number): Promise<{ blob: Blob; filename: string }> {
    return this.file(`/api/v1/sellers/${id}/export`, `faceleak-seller-${id}.jsonl`);
  }

  /** A WARC snapshot's bytes (the server serves it as text/plain and logs the read). */
  async snapshot(id: number): Promise<Blob> {
    return (await this.request(`/api/v1/snapshots/${id}`)).blob();
  }

  private async file(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
    const res = await this.request(path);
    const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
    return { blob: await res.blob(), filename: named?.[1] ?? fallbackName };
  }
}
