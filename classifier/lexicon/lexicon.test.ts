import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize/normalize.js';
import { loadLexicon, LexiconError } from './load.js';
import { overlayTermEntries, parseOverlay } from './overlay.js';

const lexicon = loadLexicon();

function hitIds(text: string): string[] {
  const nt = normalize(text, lexicon.emoji);
  const ids: string[] = [];
  const onHit = (h: { entry: number }) => ids.push(lexicon.entries[h.entry]!.id);
  lexicon.phrases.match(nt.text, onHit);
  lexicon.homophones.match(nt.text, onHit);
  return ids;
}

describe('the shipped lexicon', () => {
  it('loads, with a version that names its data', () => {
    expect(lexicon.version).toMatch(/^t\d+s\d+c\d+e\d+p\d+n\d+-[0-9a-f]{8}$/);
    expect(lexicon.phrases.size).toBeGreaterThan(500);
  });

  it('finds terms however they are split or disguised', () => {
    expect(hitIds('出售手.持.身.份.证照')).toContain('handheld-id');
    expect(hitIds('S E L F I E with 1D')).toContain('id-selfie-en');
    expect(hitIds('fresh fu11z')).toContain('fullz-en');
    expect(hitIds('手持🪪')).toContain('handheld-id');
  });

  it('finds homophones of long terms and of whitelisted short ones', () => {
    expect(hitIds('深份证四件套')).toContain('kit-weak-zh');
    expect(hitIds('手持身份正')).toContain('handheld-id');
    expect(hitIds('人联照片打包')).toContain('face-weak-zh');
  });

  it('does not take a Latin phrase from inside another word', () => {
    expect(hitIds('admin tgz fullzone')).toEqual([]);
  });

  it('does not hear tea in an account dealer (short homophones are whitelisted)', () => {
    expect(hitIds('白毫银针')).not.toContain('face-kit-zh');
  });
});

describe('loadLexicon on bad data', () => {
  const copyData = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    const src = fileURLToPath(new URL('./data/', import.meta.url));
    for (const f of ['terms.json', 'signals.json', 'contexts.json', 'emoji.json', 'parts.json', 'negation.json'])
      writeFileSync(join(dir, f), readFileSync(join(src, f)));
    return `${dir}/`;
  };

  it('names the file and field of a bad entry', () => {
    const dir = copyData();
    const terms = JSON.parse(readFileSync(`${dir}terms.json`, 'utf8'));
    terms.entries[0].category = 'bedding';
    writeFileSync(`${dir}terms.json`, JSON.stringify(terms));
    expect(() => loadLexicon(dir)).toThrow(LexiconError);
    expect(() => loadLexicon(dir)).toThrow(/terms\.json: entries\.0\.category/);
  });

  it('refuses duplicate ids', () => {
    const dir = copyData();
    const terms = JSON.parse(readFileSync(`${dir}terms.json`, 'utf8'));
    terms.entries.push(terms.entries[0]);
    writeFileSync(`${dir}terms.json`, JSON.stringify(terms));
    expect(() => loadLexicon(dir)).toThrow(/duplicate term id "handheld-id"/);
  });
});

describe('an overlay term', () => {
  it('reads an English plural among its variants as the word itself, and other variants as disguises', () => {
    const overlay = parseOverlay({ terms: [{ term: 'blue sheet', variants: ['blue sheets', 'bloo sheet'], category: 'identity_kit', needsSignal: true }] });
    const [entry] = overlayTermEntries(overlay);
    expect(entry).toMatchObject({ forms: ['blue sheet', 'blue sheets'], coded: ['bloo sheet'] });
  });
});
