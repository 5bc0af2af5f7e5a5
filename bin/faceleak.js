#!/usr/bin/env node
// The command is compiled to dist/ by `npm run build` (run by `prepare` on `npm ci`/`npm install`).
// natural (via the classifier) prints dotenv tips on stdout unless told to be quiet; stdout carries data here.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('faceleak: not built yet. Run `npm install` (or `npm run build`) in the faceleak folder first.');
    process.exit(2);
  }
  throw error;
}
