import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'extension/dist/**'],
    // Integration tests share one Redis and one PostgreSQL; each test uses its own names, so files can run in parallel.
    testTimeout: 30_000,
    env: { DOTENV_CONFIG_QUIET: 'true' },
  },
});
