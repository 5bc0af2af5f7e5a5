import { describe, expect, it } from 'vitest';
import { nameFor, newClientState } from './pg-prepared.js';

const limits = { maxNamed: 2, maxCounted: 3, maxLength: 40 };

describe('nameFor', () => {
  it('names a text the second time a connection sends it, and keeps that name', () => {
    const s = newClientState();
    expect(nameFor(s, 'select $1', [1], limits)).toBeUndefined();
    const name = nameFor(s, 'select $1', [2], limits);
    expect(name).toBe('fl_0');
    expect(nameFor(s, 'select $1', [3], limits)).toBe(name);
  });

  it('never names a text longer than maxLength', () => {
    const s = newClientState();
    const long = `select $1 ${' '.repeat(40)}`;
    for (let i = 0; i < 3; i++) expect(nameFor(s, long, [i], limits)).toBeUndefined();
  });

  it('never names a text without parameters (DDL, migrations) or with several commands', () => {
    const s = newClientState();
    for (let i = 0; i < 3; i++) {
      expect(nameFor(s, 'create table t (a int)', [], limits)).toBeUndefined();
      expect(nameFor(s, 'begin; select $1', [1], limits)).toBeUndefined();
    }
    expect(s.names.size).toBe(0);
  });

  it('names at most maxNamed texts per connection, and forgets its counts when they fill', () => {
    const s = newClientState();
    for (const text of ['a $1', 'b $1', 'c $1']) for (let i = 0; i < 2; i++) nameFor(s, text, [i], limits);
    expect([...s.names.keys()]).toEqual(['a $1', 'b $1']);
    expect(nameFor(s, 'c $1', [9], limits)).toBeUndefined();
    const t = newClientState();
    for (const text of ['p $1', 'q $1', 'r $1', 's $1']) nameFor(t, text, [0], limits);
    expect(t.counts.size).toBeLessThanOrEqual(limits.maxCounted);
  });
});
