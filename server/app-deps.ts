import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { WorkQueue } from '../queue/index.js';
import type { Store } from '../store/index.js';

/** What the API is built from (routes receive it), and the typed Fastify instance they register on. */
export interface AppDeps {
  readonly store: Store;
  readonly queue: WorkQueue;
  readonly redis: Redis;
  /** A pino logger for requests; none in tests. */
  readonly logger?: FastifyBaseLogger;
  /** API requests per token per minute (RATE_LIMIT_PER_MINUTE). */
  readonly rateLimitPerMinute?: number;
  /** Origins CORS lets in: the moderators' extension (EXTENSION_ORIGINS). */
  readonly extensionOrigins?: readonly string[];
  /** The proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default, so the socket's address counts. */
  readonly trustProxy?: string;
  /** Where evidence snapshots are (SNAPSHOT_DIR); without it snapshots cannot be opened or exported. */
  readonly snapshotDir?: string;
}

/** A Fastify instance whose routes are typed by their zod schemas. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
