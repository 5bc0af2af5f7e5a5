import { createHash, randomBytes } from 'node:crypto';
import type { Store } from './open.js';
import type { Role } from './schema.js';
import { UserError } from '../contracts/index.js';

export { ROLES } from '../contracts/index.js';

export class TokenError extends UserError {
  override name = 'TokenError';
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a token and returns it; only its hash is stored, so this is the one time it is seen. */
export async function createToken(store: Store, name: string, role: Role): Promise<string> {
  if (!/^[\w.@-]{1,64}$/.test(name)) throw new TokenError(`token name "${name}": use 1-64 letters, digits, . _ @ -`);
  const existing = await store.db.selectFrom('tokens').select('id').where('name', '=', name).executeTakeFirst();
  if (existing) throw new TokenError(`a token named "${name}" exists already; revoke it first or pick another name`);
  const token = `fl_${randomBytes(32).toString('base64url')}`;
  await store.db
    .insertInto('tokens')
    .values({ name, role, token_hash: hashToken(token), created_at: new Date().toISOString(), revoked_at: null })
    .execute();
  return token;
}

export interface TokenInfo {
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export async function listTokens(store: Store): Promise<TokenInfo[]> {
  const rows = await store.db.selectFrom('tokens').select(['name', 'role', 'created_at', 'revoked_at']).orderBy('id').execute();
  return rows.map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Revokes a token by name; false if there is no live token of that name. */
export async function revokeToken(store: Store, name: string): Promise<boolean> {
  const r = await store.db
    .updateTable('tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The live token's owner, or null. */
export async function authenticate(store: Store, token: string): Promise<{ name: string; role: Role } | null> {
  const row = await store.db
    .selectFrom('tokens')
    .select(['name', 'role'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}
