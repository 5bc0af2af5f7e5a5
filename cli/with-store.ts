import { userInfo } from 'node:os';
import { loadConfig } from '../config/index.js';
import type * as StoreModule from '../store/index.js';
import type { Store } from '../store/index.js';

export type StoreApi = typeof StoreModule;

/** Runs an admin command against the configured store (imported late: commands that need no database start fast). */
export async function withStore(run: (store: Store, api: StoreApi) => Promise<void>): Promise<void> {
  const api = await import('../store/index.js');
  const store = await api.openStore(loadConfig());
  try {
    await run(store, api);
  } finally {
    await store.close();
  }
}

/** Who ran a command, as the audit log names them. */
export const cliActor = () => `cli:${userInfo().username}`;
