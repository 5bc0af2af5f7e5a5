import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, manifestFor } from './manifest.js';
import { ICONS_DIR, SOURCE_HASH_FILE, svgHash } from './render-icons.js';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, after the 8-byte signature and the chunk header). */
function pngSize(file: string): { width: number; height: number; signature: string } {
  const bytes = readFileSync(file);
  return { signature: bytes.subarray(0, 8).toString('hex'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the extension's icons", () => {
  it('are PNGs of the sizes the manifest names, for Chrome (which ignores SVG icons)', () => {
    const manifest = manifestFor('chrome', '1.0.0') as { icons: Record<string, string>; action: { default_icon: Record<string, string> } };
    expect(Object.keys(manifest.icons)).toEqual(ICON_SIZES.map(String));
    expect(manifest.action.default_icon).toEqual({ '16': 'icons/icon-16.png', '32': 'icons/icon-32.png' });
    for (const size of ICON_SIZES) {
      expect(manifest.icons[String(size)]).toBe(`icons/icon-${size}.png`);
      expect(pngSize(join(ICONS_DIR, `icon-${size}.png`))).toEqual({ signature: '89504e470d0a1a0a', width: size, height: size });
    }
  });

  it('were rendered from the current icon.svg (else: node --import tsx extension/build/render-icons.ts)', () => {
    expect(readFileSync(SOURCE_HASH_FILE, 'utf8').trim()).toBe(svgHash());
  });
});
