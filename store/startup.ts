import type { Config } from '../config/index.js';
import { openStore as openDatabase, type OpenOptions, type Store } from './open.js';
import { relinkPending } from './relink.js';

/**
 * Opens the database named by the config, brings its schema up to date, then finishes what a
 * migration left to do in code: the re-linking that 0011-relink, 0012-relink-riddles, 0013-relink-disguises, 0014-relink-phones, 0015-relink-contact-clauses and 0016-relink-regional-disguises queue (relink.ts; nothing when none is pending).
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: OpenOptions = {}): Promise<Store> {
  const store = await openDatabase(config, options);
  try {
    await relinkPending(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
