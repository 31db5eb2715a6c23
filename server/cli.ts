import { createInterface } from 'node:readline/promises';
import { loadConfig } from './config.js';
import { openStorage } from './storage/openStorage.js';
import { upsertAdmin } from './commands/adminBootstrapper.js';

/**
 * Administration without the web UI: `npm run admin -- <command> --email <email>`.
 *   create-admin     creates (or promotes) a partnership admin
 *   reset-password   sets a new password and ends the user's sessions
 *   disable-user     stops a user signing in and ends their sessions
 * The password comes from ADMIN_PASSWORD or a prompt, never from the command line (shell history).
 * Run it while the server is stopped: the server keeps records in memory.
 */
async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  const emailAt = argv.indexOf('--email');
  const email = emailAt >= 0 ? argv[emailAt + 1] : undefined;
  if (!command || !email || !['create-admin', 'reset-password', 'disable-user'].includes(command)) {
    process.stderr.write('usage: npm run admin -- create-admin|reset-password|disable-user --email someone@example.org\n');
    return 2;
  }
  const config = loadConfig(process.env);
  const storage = await openStorage(config);
  const { records, sessions } = storage;
  try {
    const user = (await records.find('users', { email: email.trim().toLowerCase() }))[0];
    if (command === 'disable-user') {
      if (!user) { process.stderr.write('No such user.\n'); return 1; }
      await records.commit([{ op: 'put', collection: 'users', record: { ...user, disabled: true } }], { audit: [{ type: 'user.disabled', targetId: user.id }] });
      await sessions.deleteForUser(user.id);
      process.stdout.write('User disabled and signed out.\n');
      return 0;
    }
    let password = process.env.ADMIN_PASSWORD;
    if (!password) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      password = await rl.question('New password (at least 12 characters): ');
      rl.close();
    }
    if (command === 'reset-password' && !user) { process.stderr.write('No such user.\n'); return 1; }
    const result = await upsertAdmin(records, email, password, command === 'create-admin');
    if (user) await sessions.deleteForUser(user.id);
    process.stdout.write(`Account ${result}.\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : 'Failed.'}\n`);
    return 1;
  } finally {
    await storage.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
