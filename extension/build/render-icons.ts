import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ICON_SIZES } from './manifest.js';

/**
 * Renders src/static/icon.svg to the PNG icons Chrome needs (it ignores SVG in `icons` and
 * `action.default_icon`), at 16, 32, 48 and 128 px, into src/static/icons/, and records the SVG's
 * SHA-256 beside them. The PNGs are kept in the repository, so the build needs no renderer: a
 * native one (resvg-js, sharp) brings per-platform binaries this registry does not all carry, and a
 * hand-written rasterizer would be a second copy of the drawing. Chromium, which the tests use
 * anyway, renders the SVG as browsers will. icons.test.ts fails when the SVG changed since: run
 * `node --import tsx extension/build/render-icons.ts` again then.
 */
export const STATIC_DIR = resolve(fileURLToPath(import.meta.url), '../../src/static');
export const ICONS_DIR = join(STATIC_DIR, 'icons');
export const SOURCE_HASH_FILE = join(ICONS_DIR, 'icon.svg.sha256');

export const svgHash = () =>
  createHash('sha256')
    .update(readFileSync(join(STATIC_DIR, 'icon.svg')))
    .digest('hex');

async function render(): Promise<void> {
  const svg = readFileSync(join(STATIC_DIR, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      writeFileSync(join(ICONS_DIR, `icon-${size}.png`), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
  } finally {
    await browser.close();
  }
  writeFileSync(SOURCE_HASH_FILE, `${svgHash()}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  render().then(
    () => console.log(`icons written to ${ICONS_DIR}`),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
