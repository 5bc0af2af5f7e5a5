import type { Command } from 'commander';
import { UsageError } from '../fatal.js';
import { withStore } from '../with-store.js';

import { ROLES as ROLE_NAMES } from '../../contracts/index.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('Manage API tokens (stored hashed; a token is shown once, when created).');
  token
    .command('create')
    .description('Create a token; it is printed as the last line of stdout.')
    .requiredOption('--role <role>', `one of ${ROLE_NAMES.join(', ')}`)
    .requiredOption('--name <name>', 'who or what the token is for (unique)')
    .action(async (opts: { role: string; name: string }) => {
      if (!(ROLE_NAMES as readonly string[]).includes(opts.role)) throw new UsageError(`--role must be one of ${ROLE_NAMES.join(', ')}, not "${opts.role}"`);
      await withStore(async (store, { createToken }) => {
        const value = await createToken(store, opts.name, opts.role as (typeof ROLE_NAMES)[number]);
        process.stderr.write(`token "${opts.name}" (${opts.role}) created; it is not stored and will not be shown again\n`);
        process.stdout.write(`${value}\n`);
      });
    });
  token
    .command('list')
    .description('List tokens: name, role, created, revoked.')
    .action(async () => {
      await withStore(async (store, { listTokens }) => {
        for (const t of await listTokens(store))
          process.stdout.write(`${t.name}\t${t.role}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\n`);
      });
    });
  token
    .command('revoke')
    .description('Revoke a token by name; it stops working at once.')
    .argument('<name>')
    .action(async (name: string) => {
      await withStore(async (store, { revokeToken }) => {
        if (!(await revokeToken(store, name))) throw new UsageError(`no active token named "${name}"`);
        process.stderr.write(`token "${name}" revoked\n`);
      });
    });
}
