import { UserError } from '../contracts/index.js';
export class RedisUnavailableError extends UserError {
  override name = 'RedisUnavailableError';
}
