import type { ConnectionResult } from '../shared/messages.js';
import { normalizeServerUrl } from '../shared/settings.js';
import { createApiClient } from './api-client.js';
import { whyNoAnswer } from './no-answer.js';

/** Roles whose tokens may send reports (server/auth.ts MODERATORS). */
const REPORTING_ROLES = new Set(['moderator', 'admin']);

/**
 * "Test connection": asks GET /api/v1/me with the address and token as typed, and says in plain words
 * what is wrong, if anything, so that each cause points at its own fix: the address, the port, the
 * host name, the server's EXTENSION_ORIGINS, the token or its role. Codes appear once, in brackets.
 */
export async function testConnection(serverUrl: string, token: string, extensionOrigin: string, fetchFn: typeof fetch = fetch): Promise<ConnectionResult> {
  const normalized = normalizeServerUrl(serverUrl);
  if (!normalized.ok) return { ok: false, problem: 'bad-url', message: normalized.error };
  if (token.trim() === '') return { ok: false, problem: 'bad-token', message: 'enter the token you were given (faceleak token create --role moderator)' };
  const outcome = await createApiClient({ serverUrl: normalized.url, token: token.trim() }, fetchFn).me();
  switch (outcome.kind) {
    case 'ok':
      if (!REPORTING_ROLES.has(outcome.value.role)) {
        return {
          ok: false,
          problem: 'wrong-role',
          message: `this token is ${outcome.value.name}'s, an ${outcome.value.role} token: reports need a moderator token (faceleak token create --role moderator)`,
        };
      }
      return { ok: true, name: outcome.value.name, role: outcome.value.role };
    case 'auth':
      return outcome.status === 401
        ? { ok: false, problem: 'bad-token', message: `the server does not know this token, or it was revoked [${outcome.code}]` }
        : { ok: false, problem: 'wrong-role', message: `the server refused this token's role: ${outcome.reason} [${outcome.code}]` };
    case 'retry':
      if (outcome.cause === 'network') return whyNoAnswer(normalized.url, extensionOrigin, fetchFn);
      if (outcome.cause === 'foreign') {
        return {
          ok: false,
          problem: 'not-faceleak',
          message: `something answers at ${normalized.url}, but it is not a faceleak server: ${outcome.reason}. Check the address, and its path if faceleak is served under one.`,
        };
      }
      return { ok: false, problem: 'server-error', message: `the server answered with an error: ${outcome.reason}` };
    case 'reject':
      return { ok: false, problem: 'server-error', message: `the server answered with an error: ${outcome.reason} [${outcome.code}]` };
  }
}
