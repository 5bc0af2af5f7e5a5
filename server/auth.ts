import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLES, type Role } from '../contracts/index.js';
import { authenticate, type Store } from '../store/index.js';
import type { AuthFailureLimit } from './auth-failures.js';
import { ApiError } from './errors.js';

export interface Caller {
  readonly name: string;
  readonly role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed to call the route; a route without it is public. */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export const ANY_ROLE: readonly Role[] = ROLES;
export const REVIEWERS: readonly Role[] = ['investigator', 'admin'];
export const MODERATORS: readonly Role[] = ['moderator', 'admin'];

/**
 * The token a request carries: `Authorization: Bearer TOKEN`, or Basic with the token as password,
 * which is what a browser sends after its own sign-in prompt (used by the Bull Board pages).
 */
export function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1]!;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, 'base64').toString();
  const colon = decoded.indexOf(':');
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : null;
}

/** The caller of a request, who must hold one of `roles`: 401 without a live token, 403 with the wrong role. */
export async function requireRole(store: Store, request: FastifyRequest, roles: readonly Role[]): Promise<Caller> {
  const token = tokenOf(request);
  if (!token) throw new ApiError('FL_UNAUTHORIZED', 'send Authorization: Bearer <token>');
  const caller = await authenticate(store, token);
  if (!caller) throw new ApiError('FL_UNAUTHORIZED', 'unknown or revoked token');
  if (!roles.includes(caller.role)) throw new ApiError('FL_FORBIDDEN', `this needs the role ${roles.join(' or ')}; the token is ${caller.role}`);
  return caller;
}

/**
 * Checks `config.roles` of every route in this scope before its body is even parsed, so an
 * anonymous caller never costs a 2 MB parse and gets 401 rather than a validation error.
 */
export function registerAuth(app: FastifyInstance, store: Store, failures: AuthFailureLimit): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request, reply) => {
    const roles = request.routeOptions.config.roles;
    if (!roles) return;
    const wait = await failures.retryAfter(request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new ApiError('FL_RATE_LIMITED', `too many failed authentications from this address; retry in ${wait} s`);
    }
    try {
      request.caller = await requireRole(store, request, roles);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FL_UNAUTHORIZED') await failures.recordFailure(request.ip);
      throw error;
    }
  });
}

/** The authenticated caller of a route declared with `config.roles`. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new Error(`route ${request.routeOptions.url} declares no roles`);
  return request.caller;
}
