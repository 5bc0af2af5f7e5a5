import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const lines = (s: string) =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('faceleak classify: input it skips and limits it keeps', () => {
  it('skips a leading byte order mark and blank lines, exiting 0', async () => {
    // The first record must be read whole despite the mark before it: an offer the model flags plainly.
    const input = `\uFEFF${JSON.stringify({ id: 'a', title: '手持身份证照 五毛一张 加V详聊' })}\r\n\n   \n${JSON.stringify({ id: 'b', title: 'desk lamp' })}\n\n`;
    const r = await runCli(['classify'], input);
    expect(r.code, r.stdout).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a', 'b']);
    expect(out[0]).toMatchObject({ flagged: true });
  });

  it('still numbers lines as the file does when blank ones are skipped', async () => {
    const r = await runCli(['classify'], `\n{"id":"a"}\n\n{oops\n`);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([expect.objectContaining({ id: 'a' }), { line: 4, error: expect.stringMatching(/not valid JSON/) }]);
  });

  it('cuts a field over 64 Ki characters, says so, and classifies the rest', async () => {
    const description = `手持身份证照 五毛一张 打包出 ${'x'.repeat(70_000)}`;
    const r = await runCli(['classify'], `${JSON.stringify({ id: 'long', title: 'fullz', description })}\n${JSON.stringify({ id: 'short', title: 'lamp' })}\n`);
    expect(r.code).toBe(0);
    const [long, short] = lines(r.stdout);
    expect(long).toMatchObject({ id: 'long', truncated: ['description'] });
    // The rest of the field is read: the rules find the offer at its start (whether it is flagged is the model's call, measured by `faceleak eval`).
    expect(long?.evidence).toContainEqual(expect.objectContaining({ field: 'description', text: '手持身份证照' }));
    expect(short).not.toHaveProperty('truncated');
  });

  it('refuses a line over 1 MiB with its number and size, and reads on', async () => {
    const big = JSON.stringify({ id: 'big', description: 'y'.repeat(2 * 1024 * 1024) });
    const r = await runCli(['classify'], `${big}\n{"id":"next","title":"lamp"}\n`);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toEqual({ line: 1, error: `line is ${big.length} bytes, over the 1048576 bytes (1 MiB) a line may have; not read` });
    expect(out[1]).toMatchObject({ id: 'next' });
  });

  it('states both limits in --help', async () => {
    const help = await runCli(['classify', '--help']);
    expect(help.stdout).toMatch(/65,536 characters/);
    expect(help.stdout).toMatch(/"truncated": \["description"\]/);
    expect(help.stdout).toMatch(/longer than 1 MiB/);
  });
});
