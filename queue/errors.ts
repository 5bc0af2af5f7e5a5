export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}
