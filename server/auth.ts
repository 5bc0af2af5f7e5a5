import type { FastifyRequest } from 'fastify';
import { authenticate, type Role, type Store } from '../store/index.js';
import { ApiError } from './errors.js';

export interface Caller {
  readonly name: string;
  readonly role: Role;
}

/** The caller of a request, who must hold one of `roles`: 401 without a live token, 403 with the wrong role. */
export async function requireRole(store: Store, request: FastifyRequest, roles: readonly Role[]): Promise<Caller> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError('FL_UNAUTHORIZED', 'send Authorization: Bearer <token>');
  const caller = await authenticate(store, match[1]!);
  if (!caller) throw new ApiError('FL_UNAUTHORIZED', 'unknown or revoked token');
  if (!roles.includes(caller.role)) throw new ApiError('FL_FORBIDDEN', `this needs the role ${roles.join(' or ')}; the token is ${caller.role}`);
  return caller;
}
