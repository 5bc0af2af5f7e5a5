import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'extension/dist/**'],
    // Integration tests share one Redis and one PostgreSQL; each test uses its own names, so files can run in parallel.
    testTimeout: 30_000,
    env: { DOTENV_CONFIG_QUIET: 'true' },
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'coverage/vitest-report.json' }]],
  },
});
