// What turns a job into a stored verdict: the crawl-page and report handlers, the worker that runs
// them, the crawl runner, the watch of a site (revisits, takedowns), and the sweep that re-queues reports Redis lost.
export * from './pipeline-worker.js';
export * from './report-sweeper.js';
export * from './run-crawl.js';
export { startHelperWorkers, splitConcurrency, type HelperWorkers } from './helper-workers.js';
export { runWatch, stopWatch, watchIdOf, type RunWatchOptions, type WatchStats } from './run-watch.js';
export { asSuggestion, runDiscovery, storedInputs } from './discover-job.js';
export { LiveClassifier } from './live-classifier.js';
