import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ICON_SIZES, manifestFor, type BrowserTarget } from './build/manifest.js';
import { nodeFreePlugin } from './build/node-free-plugin.js';

/**
 * Builds the unpacked extension for Chrome and Firefox: `npm run build:extension` writes
 * extension/dist/chrome and extension/dist/firefox. Both get the same bundles (esbuild, one IIFE
 * script per entry, no remote code) and differ only in their manifest.
 */

const EXTENSION_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(EXTENSION_DIR, '..');
const SRC = join(EXTENSION_DIR, 'src');

/** Output script name → its source entry. */
const ENTRIES: Record<string, string> = {
  background: 'background/main.ts',
  content: 'content/main.ts',
  popup: 'popup/main.ts',
  options: 'options/main.ts',
};
const STATIC_FILES = ['popup.html', 'popup.css', 'options.html', 'options.css', 'highlight.css', 'icon.svg', ...ICON_SIZES.map((n) => `icons/icon-${n}.png`)];

export const TARGETS: readonly BrowserTarget[] = ['chrome', 'firefox'];

export interface BuildOptions {
  /** Where the browser folders go; default extension/dist. */
  readonly outDir?: string;
  /** Minified bundles (default true); false keeps them readable for debugging. */
  readonly minify?: boolean;
}

export interface BuiltExtension {
  readonly outDir: string;
  /** Folder of each browser's unpacked extension. */
  readonly dirs: Record<BrowserTarget, string>;
  /** Size in bytes of each file of one browser's folder (they are the same but for manifest.json). */
  readonly sizes: Record<string, number>;
}

export async function buildExtension(options: BuildOptions = {}): Promise<BuiltExtension> {
  const outDir = resolve(options.outDir ?? join(EXTENSION_DIR, 'dist'));
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, join(SRC, entry)])),
    bundle: true,
    write: false,
    outdir: outDir,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    minify: options.minify ?? true,
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [nodeFreePlugin()],
  });
  const dirs = {} as Record<BrowserTarget, string>;
  for (const target of TARGETS) {
    const dir = join(outDir, target);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'icons'), { recursive: true });
    for (const file of result.outputFiles) writeFileSync(join(dir, file.path.slice(outDir.length + 1)), file.contents);
    for (const name of STATIC_FILES) copyFileSync(join(SRC, 'static', name), join(dir, name));
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(target, version), null, 2)}\n`);
    dirs[target] = dir;
  }
  const names = [...result.outputFiles.map((f) => f.path.slice(outDir.length + 1)), ...STATIC_FILES, 'manifest.json'];
  const sizes = Object.fromEntries(names.map((name) => [name, statSync(join(dirs.chrome, name)).size]));
  return { outDir, dirs, sizes };
}

// `node --import tsx extension/build.ts`: build into extension/dist and print what was written.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildExtension()
    .then(({ dirs, sizes }) => {
      for (const [name, bytes] of Object.entries(sizes)) console.log(`${name.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
      console.log(`unpacked extensions: ${dirs.chrome}, ${dirs.firefox}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    });
}
