import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * PostgreSQL parses and plans every unnamed statement afresh, and Kysely sends only unnamed ones. On
 * the seller-linking path (store/sellers.ts) planning was a third of each statement's time: the
 * candidates' query planned in 1.1 ms and ran in 1.2 ms. A statement whose text a connection has sent
 * before is sent as a named (prepared) one from then on, planned once per connection (PostgreSQL
 * keeps a custom plan for its first five runs and a generic one after when that costs no more).
 *
 * Bounded: each connection names at most `maxNamed` texts (a named statement holds memory in the
 * server for the connection's life) and counts at most `maxCounted` distinct texts, forgetting the
 * counts when full; texts over it are sent unnamed as before. Only statements with parameters and one
 * command are named: DDL takes no parameters (so migrations stay unnamed: a table they change cannot
 * leave a cached plan behind), and a named statement cannot hold several commands ("begin; …").
 */
export interface PreparedLimits {
  readonly maxNamed: number;
  readonly maxCounted: number;
  /** Longer texts are sent unnamed without being looked up: a row list of a multi-row insert, whose text changes with its length anyway (hashing it was most of this module's time). */
  readonly maxLength: number;
}

export const PREPARED_LIMITS: PreparedLimits = { maxNamed: 128, maxCounted: 2048, maxLength: 4096 };

interface ClientState {
  readonly names: Map<string, string>;
  counts: Map<string, number>;
}

type Query = (...args: unknown[]) => unknown;

export const newClientState = (): ClientState => ({ names: new Map(), counts: new Map() });

/** The pool Kysely reads from, whose clients name repeated statements (see above). */
export function preparingPool(pool: PostgresPool, limits: PreparedLimits = PREPARED_LIMITS): PostgresPool {
  // Per client, not per pool: a named statement exists only on the connection that parsed it.
  const states = new WeakMap<PostgresPoolClient, ClientState>();
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      if (!states.has(client)) {
        const state = newClientState();
        states.set(client, state);
        const query = client.query.bind(client) as Query;
        // The same client object comes back from the pool each time it is reserved: wrapped once.
        (client as { query: Query }).query = (...args: unknown[]) => {
          const [text, values] = args;
          if (typeof text !== 'string' || !Array.isArray(values)) return query(...args);
          const name = nameFor(state, text, values, limits);
          return name === undefined ? query(text, values) : (query({ name, text, values }) as Promise<PostgresQueryResult<unknown>>);
        };
      }
      return client;
    },
  };
}

/** The name to send `text` under, or undefined to send it unnamed. Exported for its test. */
export function nameFor(state: ClientState, text: string, values: readonly unknown[], limits: PreparedLimits): string | undefined {
  if (text.length > limits.maxLength) return undefined;
  const known = state.names.get(text);
  if (known !== undefined) return known;
  if (values.length === 0 || text.includes(';') || state.names.size >= limits.maxNamed) return undefined;
  const seen = (state.counts.get(text) ?? 0) + 1;
  if (seen < 2) {
    if (state.counts.size >= limits.maxCounted) state.counts = new Map();
    state.counts.set(text, seen);
    return undefined;
  }
  state.counts.delete(text);
  const name = `fl_${state.names.size}`;
  state.names.set(text, name);
  return name;
}
