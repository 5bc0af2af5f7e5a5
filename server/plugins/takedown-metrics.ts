import type { Metric, MetricValueWithName, Registry } from 'prom-client';
import { TAKEDOWN_BUCKETS, takedownStats, type Store } from '../../store/index.js';

const NAME = 'faceleak_time_to_takedown_seconds';
const HELP = 'Time from when a listing was first seen to when it was first seen gone (404, 410, redirect to the removed page), per site and category';

/**
 * Time to takedown as a Prometheus histogram, per site and category ("none": not flagged). prom-client's
 * Histogram only counts observations made in this process; this one is read from the store at scrape
 * time (aggregated in the database), so every server reports the whole deployment's figure, and
 * histogram_quantile(0.5, …) gives the median time a platform left such listings up.
 */
export function registerTakedownMetrics(registry: Registry, store: Store): void {
  const metric = {
    name: NAME,
    help: HELP,
    type: 'histogram',
    aggregator: 'sum',
    async get() {
      const values: MetricValueWithName<string>[] = [];
      for (const s of await takedownStats(store)) {
        const labels = { site: s.site, category: s.category ?? 'none' };
        TAKEDOWN_BUCKETS.forEach((le, i) => values.push({ metricName: `${NAME}_bucket`, labels: { ...labels, le }, value: s.buckets[i]! }));
        values.push({ metricName: `${NAME}_bucket`, labels: { ...labels, le: '+Inf' }, value: s.count });
        values.push({ metricName: `${NAME}_sum`, labels, value: s.sumSeconds });
        values.push({ metricName: `${NAME}_count`, labels, value: s.count });
      }
      return { name: NAME, help: HELP, type: 'histogram', values, aggregator: 'sum' };
    },
    reset() {},
  };
  registry.registerMetric(metric as unknown as Metric<string>);
}
