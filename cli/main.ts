import { Command, CommanderError } from 'commander';
import { COMMANDS, commandsFor } from './command-modules.js';
import { reportFatal } from './fatal.js';

const program = new Command('faceleak')
  .description("Finds online marketplace listings that sell people's face data.")
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

try {
  for (const name of commandsFor(process.argv)) (await COMMANDS[name]!())(program);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  reportFatal(error);
}
