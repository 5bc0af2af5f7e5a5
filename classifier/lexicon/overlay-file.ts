import { readFileSync } from 'node:fs';
import { OverlayError, parseOverlay, type LexiconOverlay } from './overlay.js';

export function readOverlayFile(path: string): LexiconOverlay {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new OverlayError(`cannot read overlay ${path}: ${(error as Error).message}`);
  }
  return parseOverlay(raw, path);
}
