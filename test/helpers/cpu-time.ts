/**
 * CPU milliseconds `run` takes in this process. A linear-time check on hostile input (a ReDoS test)
 * asserts on this, not on wall time: on a loaded machine a linear scan can wait seconds for a core,
 * while the quadratic one it guards against still burns its CPU. Vitest runs each file in a process
 * of its own (the forks pool), so nothing else is counted.
 */
export function cpuMillis(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}
