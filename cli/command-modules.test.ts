import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from './command-modules.js';

describe('commandsFor', () => {
  it('registers only the command named first', () => {
    expect(commandsFor(['node', 'faceleak', 'classify', '--threshold', '0.5'])).toEqual(['classify']);
  });

  it('registers every command for help, a misspelt name or none', () => {
    const all = Object.keys(COMMANDS);
    expect(commandsFor(['node', 'faceleak'])).toEqual(all);
    expect(commandsFor(['node', 'faceleak', '--help'])).toEqual(all);
    expect(commandsFor(['node', 'faceleak', 'help', 'classify'])).toEqual(all);
    expect(commandsFor(['node', 'faceleak', 'classfy'])).toEqual(all);
    expect(commandsFor(['node', 'faceleak', 'toString'])).toEqual(all);
  });

  it('each module registers the command it is listed under', async () => {
    for (const name of ['classify', 'train', 'lexicon']) {
      const program = new Command();
      (await COMMANDS[name]!())(program);
      expect(program.commands.map((c) => c.name())).toEqual([name]);
    }
  });
});
