import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache.js';

describe('withStatementCache', () => {
  it('reuses a prepared statement per SQL text and drops the least recently used past its size', () => {
    const file = new SQLite(':memory:');
    const db = withStatementCache(file, 2);
    const a = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(a);
    const b = db.prepare('select 2');
    db.prepare('select 1'); // now the most recent
    db.prepare('select 3'); // evicts select 2
    expect(db.prepare('select 1')).toBe(a);
    const two = db.prepare('select 2');
    expect(two).not.toBe(b);
    expect(two.all([])).toEqual([{ 2: 2 }]);
    db.close();
    expect(file.open).toBe(false);
  });
});
