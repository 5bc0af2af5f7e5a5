import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { runCli } from './helpers/run-cli.js';
import { exited } from './helpers/worker-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const scope = crawlTestScope();

describe('faceleak token and serve', () => {
  it('creates, lists and revokes tokens, and serves reports over a real port', async () => {
    const config = testConfig('serve');
    scope.prefix = config.queuePrefix;
    const env = {
      QUEUE_PREFIX: config.queuePrefix,
      DATABASE_URL: config.databaseUrl!,
      DATA_DIR: config.dataDir,
      REDIS_URL: TEST_REDIS_URL,
      LOG_LEVEL: 'silent',
    };
    const created = await runCli(['token', 'create', '--role', 'moderator', '--name', 'mod-x'], '', env);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^fl_[\w-]{43}$/);
    const badRole = await runCli(['token', 'create', '--role', 'king', '--name', 'x'], '', env);
    expect([badRole.code, badRole.stderr]).toEqual([2, expect.stringMatching(/--role must be one of/)]);
    expect((await runCli(['token', 'list'], '', env)).stdout).toMatch(/^mod-x\tmoderator\t\S+\tactive$/m);

    const server = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, ...env, DOTENV_CONFIG_QUIET: 'true' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        server.stderr.on('data', (d) => {
          err += d;
          const m = /listening on (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        server.once('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const sent = await fetch(`${url}/api/v1/reports`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ url: 'https://m.example/i/1', title: '照片活化软件 过人脸 包过 35元', clientReportId: randomUUID() }),
      });
      expect(sent.status).toBe(202);
      const { id } = (await sent.json()) as { id: string };
      let body: { status?: string; verdict?: { category: string } } = {};
      for (let i = 0; i < 100 && body.status !== 'classified'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        body = (await (await fetch(`${url}/api/v1/reports/${id}`, { headers })).json()) as typeof body;
      }
      expect(body).toMatchObject({ status: 'classified', verdict: { category: 'liveness_bypass' } });

      expect((await runCli(['token', 'revoke', 'mod-x'], '', env)).code).toBe(0);
      expect((await fetch(`${url}/api/v1/reports/${id}`, { headers })).status).toBe(401);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited(server)).toBe(0);
  }, 60_000);
});
