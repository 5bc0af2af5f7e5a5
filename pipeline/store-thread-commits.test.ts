import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { SaveResult, Store } from '../store/index.js';
import { StoreThreadCommits } from './store-thread-commits.js';
import type { StoreThreadReply } from './store-thread.js';

const saved: SaveResult = { listingId: 1, isNew: true, isNewVersion: true };

/** A store whose group commit counts commits and can be made to lose its transaction or fail its commit. */
function fakeStore(grouped = true) {
  const group = { losses: 0, commits: 0, fail: false };
  const store = {
    db: { connection: () => ({ execute: async (f: () => Promise<unknown>) => f() }) },
    ...(grouped
      ? {
          groupCommit: {
            get losses() {
              return group.losses;
            },
            commit() {
              if (group.fail) {
                group.losses++;
                throw new Error('disk I/O error');
              }
              group.commits++;
            },
          },
        }
      : {}),
  } as unknown as Store;
  return { store, group };
}

describe('the store thread answering writes under group commit', () => {
  it('answers writes only after the commit that follows them, made once none is in flight', async () => {
    const { store, group } = fakeStore();
    const answers: StoreThreadReply[] = [];
    const commits = new StoreThreadCommits(store, (r) => answers.push(r), 60_000);
    const first = commits.started();
    const second = commits.started();
    commits.ended({ id: 1, saved }, first);
    await new Promise((r) => setTimeout(r, 20));
    expect(answers).toEqual([]); // the second write is still in flight: the group stays open
    commits.ended({ id: 2, saved }, second);
    expect(answers).toEqual([]);
    await commits.flush();
    expect(group.commits).toBeGreaterThanOrEqual(1);
    expect(answers.map((a) => a.id)).toEqual([1, 2]);
  });

  it('commits after a few milliseconds, or at once when many writes wait, while writes are in flight', async () => {
    const { store, group } = fakeStore();
    const answers: StoreThreadReply[] = [];
    const timed = new StoreThreadCommits(store, (r) => answers.push(r), 5);
    timed.started(); // one that never ends here
    timed.ended({ id: 1, saved }, timed.started());
    await new Promise((r) => setTimeout(r, 50));
    expect(answers.map((a) => a.id)).toEqual([1]);
    const counted = new StoreThreadCommits(store, (r) => answers.push(r), 60_000, 2);
    counted.started();
    counted.ended({ id: 2, saved }, counted.started());
    counted.ended({ id: 3, saved }, counted.started());
    await new Promise((r) => setTimeout(r, 20));
    expect(answers.map((a) => a.id)).toEqual([1, 2, 3]);
    expect(group.commits).toBe(2);
  });

  it('answers a failed write at once, and fails writes whose transaction was lost or whose commit failed', async () => {
    const { store, group } = fakeStore();
    const answers: StoreThreadReply[] = [];
    const commits = new StoreThreadCommits(store, (r) => answers.push(r), 60_000);
    commits.ended({ id: 1, error: { name: 'Error', message: 'NOT NULL' } }, commits.started());
    expect(answers.map((a) => a.id)).toEqual([1]);
    const before = commits.started();
    group.losses++; // rolled back whole while the write was in flight
    commits.ended({ id: 2, saved }, before);
    commits.ended({ id: 3, saved }, commits.started());
    await commits.flush();
    expect(answers.map((a) => ('error' in a ? `${a.id} error` : `${a.id} saved`))).toEqual(['1 error', '2 error', '3 saved']);
    group.fail = true;
    commits.ended({ id: 4, saved }, commits.started());
    await commits.flush();
    expect(answers.at(-1)).toMatchObject({ id: 4, error: { message: expect.stringMatching(/disk I\/O error/) } });
  });

  it('commits writes sent together as one group, though each ends before the next is read', async () => {
    const { store, group } = fakeStore();
    const answers: StoreThreadReply[] = [];
    const commits = new StoreThreadCommits(store, (r) => answers.push(r), 60_000);
    // As the store thread gets them: a message per write, each written (a few awaits) and ended in turn.
    const { port1, port2 } = new MessageChannel();
    port2.on('message', (id: number) => {
      const losses = commits.started();
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => commits.ended({ id, saved }, losses));
    });
    for (let id = 1; id <= 20; id++) port1.postMessage(id);
    await expect.poll(() => answers.length).toBe(20);
    port2.close();
    expect(answers.map((a) => a.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(group.commits).toBeLessThanOrEqual(2); // a commit each before
  });

  it('answers at once without group commit (PostgreSQL: each write committed on its own)', () => {
    const { store } = fakeStore(false);
    const answers: StoreThreadReply[] = [];
    new StoreThreadCommits(store, (r) => answers.push(r), 60_000).ended({ id: 1, saved }, 0);
    expect(answers).toEqual([{ id: 1, saved }]);
  });
});
