import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkQueue } from '../../queue/index.js';
import { listingCounts, pendingSuggestionCount, reportCounts, type Store } from '../../store/index.js';
import { registerTakedownMetrics } from './takedown-metrics.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;

/**
 * GET /metrics in Prometheus text format: queue depths by state, listings by flag/category/decision,
 * reports by status, time to takedown per site and category, API requests and their latency, and the process's own metrics. Gauges are read
 * at scrape time, so they are true for the whole deployment, not just this server. The numbers are
 * aggregates only (no listing text), so the endpoint is public like /healthz.
 */
export function registerMetrics(app: FastifyInstance, store: Store, queue: WorkQueue): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'faceleak_' });
  new Gauge({
    name: 'faceleak_queue_jobs',
    help: 'Jobs in the work queue (crawl pages and reports) by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await queue.jobCounts(...JOB_STATES);
      for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  new Gauge({
    name: 'faceleak_listings',
    help: 'Stored listings by verdict, category and investigators\' decision ("none": undecided)',
    labelNames: ['flagged', 'category', 'decision'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const c of await listingCounts(store)) this.set({ flagged: String(c.flagged), category: c.category ?? 'none', decision: c.decision ?? 'none' }, c.n);
    },
  });
  new Gauge({
    name: 'faceleak_reports',
    help: "Moderators' reports by status",
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const c of await reportCounts(store)) this.set({ status: c.status }, c.n);
    },
  });
  new Gauge({
    name: 'faceleak_lexicon_suggestions_pending',
    help: 'Suggested code words waiting for an investigator',
    registers: [registry],
    async collect() {
      this.set(await pendingSuggestionCount(store));
    },
  });
  registerTakedownMetrics(registry, store);
  const requests = new Counter({
    name: 'faceleak_http_requests_total',
    help: 'API requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'faceleak_http_request_seconds',
    help: 'API request latency by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: ids in paths would make a series per listing.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
