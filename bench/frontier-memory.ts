import type { Redis } from 'ioredis';

/** Redis's whole heap (INFO memory used_memory): meaningful on a Redis of the bench's own. */
export async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
}

/**
 * Bytes the keys matching `pattern` take (MEMORY USAGE, exact with SAMPLES 0): the bench's own keys only,
 * so the figure holds on a Redis others use too. Returns the key count as well.
 */
export async function keysMemory(redis: Redis, pattern: string): Promise<{ bytes: number; keys: number }> {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 2000);
    cursor = next;
    if (batch.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of batch) pipeline.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
    for (const [error, used] of (await pipeline.exec()) ?? []) if (!error) bytes += Number(used ?? 0);
    keys += batch.length;
  } while (cursor !== '0');
  return { bytes, keys };
}

/** Deletes the keys matching `pattern` (UNLINK, in batches): the bench's prefix after the run. */
export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
    cursor = next;
    if (batch.length > 0) await redis.unlink(...batch);
  } while (cursor !== '0');
}
