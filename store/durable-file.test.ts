import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileDurably, type DurableStep } from './durable-file.js';

describe('writeFileDurably', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceleak-durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs the data before the rename that names the file, and the folder after it, making missing folders', () => {
    const path = join(dir, 'a', '2026-11', 'x.warc');
    const steps: DurableStep[] = [];
    const data = Buffer.from('WARC/1.1\r\n'.repeat(5000));
    writeFileDurably(path, data, (s) => {
      steps.push(s);
      // Until the rename the file has no name of its own: a reader of `path` finds nothing, never a part.
      if (s === 'fsync file') expect(existsSync(path)).toBe(false);
    });
    expect(steps).toEqual(['fsync file', 'rename', 'fsync dir']);
    expect(readFileSync(path)).toEqual(data);
    expect(readdirSync(join(dir, 'a', '2026-11'))).toEqual(['x.warc']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('takes no step past a write that fails, and leaves no file named', () => {
    const path = join(dir, 'x.warc');
    writeFileDurably(path, Buffer.from('one'));
    const steps: DurableStep[] = [];
    // A folder where the file's folder should be: the open fails.
    expect(() => writeFileDurably(join(path, 'y.warc'), Buffer.from('two'), (s) => steps.push(s))).toThrow();
    expect(steps).toEqual([]);
    expect(readdirSync(dir)).toEqual(['x.warc']);
  });

  it('removes the part file when a step after the open fails (a full disk, a failed sync)', () => {
    const path = join(dir, 'x.warc');
    const failing = (s: DurableStep) => {
      if (s === 'fsync file') throw new Error('ENOSPC: no space left on device');
    };
    expect(() => writeFileDurably(path, Buffer.from('data'), failing)).toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
