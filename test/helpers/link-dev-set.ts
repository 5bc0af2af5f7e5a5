import { readFileSync } from 'node:fs';
import { parseLinkLine, type LinkListing } from '../../link/index.js';

/** The listings of one seller dev set in link/dev-data/ (a bad line fails the test that reads it). */
export function devSet(name: string): LinkListing[] {
  return readFileSync(new URL(`../../link/dev-data/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = parseLinkLine(line, i + 1);
      if ('error' in parsed) throw new Error(parsed.error);
      return parsed.listing;
    });
}
