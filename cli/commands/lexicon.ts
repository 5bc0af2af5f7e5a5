import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { overlayVersion, parseOverlay, readOverlayFile } from '../../classifier/index.js';
import { UsageError } from '../fatal.js';
import { cliActor, withStore } from '../with-store.js';

/** `faceleak lexicon export|import`: moves the overlay of approved terms between deployments. */
export function registerLexicon(program: Command): void {
  const lexicon = program
    .command('lexicon')
    .description('The overlay of approved code words (terms investigators approved from suggestions) in force on the shipped lexicon.');
  lexicon
    .command('export')
    .description('Write the overlay in force as JSON (faceleak-lexicon-overlay/1) to FILE, or stdout.')
    .argument('[file]')
    .action(async (file?: string) => {
      await withStore(async (store, { currentOverlay }) => {
        const row = await currentOverlay(store);
        if (!row) throw new UsageError('no term was ever approved: there is no overlay to export');
        const overlay = parseOverlay(row.overlay, `overlay version ${row.id}`);
        const text = `${JSON.stringify(overlay, null, 2)}\n`;
        if (file) writeFileSync(file, text);
        else process.stdout.write(text);
        process.stderr.write(`lexicon overlay ${overlayVersion(overlay)} (${overlay.terms.length} terms) exported\n`);
      });
    });
  lexicon
    .command('import')
    .description('Make an overlay file the overlay in force (a new version; workers take it up within seconds). Logged.')
    .argument('<file>')
    .action(async (file: string) => {
      const overlay = readOverlayFile(file); // checked before anything is stored
      await withStore(async (store, { importOverlay }) => {
        await importOverlay(
          store,
          JSON.stringify(overlay),
          cliActor(),
          JSON.stringify({ file, version: overlayVersion(overlay), terms: overlay.terms.length }),
        );
        process.stderr.write(`lexicon overlay ${overlayVersion(overlay)} (${overlay.terms.length} terms) imported and in force\n`);
      });
    });
}
