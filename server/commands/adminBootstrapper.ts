import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { newId } from '../../shared/ids.js';
import { EmailSchema } from '../../shared/schemas/records.js';
import { NewPasswordSchema } from '../../shared/schemas/api.js';
import type { Config } from '../config.js';
import type { Logger } from '../http/logger.js';
import type { RecordStore } from '../storage/types.js';
import { hashPassword } from '../auth/passwords.js';

/** The default admin email when ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@example.org';

/** The file that keeps a generated first-run password (mode 0600) so it is not lost with the terminal. */
export const FIRST_RUN_FILE = 'first-run-credentials.txt';

/**
 * On an empty store, creates the partnership and the first partnership admin from ADMIN_EMAIL and
 * ADMIN_PASSWORD. Without a password one is generated, kept in a 0600 file and returned, for the
 * start-up block to print once. Returns
 * the password it used only when it generated one (the demo seeder gives it to the demo accounts).
 */
export async function bootstrapAdmin(deps: { config: Config; records: RecordStore; log: Logger }): Promise<{ created: boolean; generatedPassword: string | null }> {
  const { config, records } = deps;
  if ((await records.find('users')).length > 0) return { created: false, generatedPassword: null };
  const email = EmailSchema.parse(config.adminEmail ?? DEFAULT_ADMIN_EMAIL);
  let password = config.adminPassword;
  let generated: string | null = null;
  if (password === undefined) {
    generated = randomBytes(12).toString('base64url');
    password = generated;
  }
  const checked = NewPasswordSchema.safeParse(password);
  if (!checked.success) throw new Error('ADMIN_PASSWORD must be at least 12 characters.');
  await records.commit([
    ...((await records.find('partnerships')).length === 0
      ? [{ op: 'put' as const, collection: 'partnerships' as const, record: { id: newId(), name: config.partnershipName } }]
      : []),
    {
      op: 'put',
      collection: 'users',
      record: { id: newId(), email, name: 'Partnership admin', passwordHash: await hashPassword(password), isAdmin: true, disabled: false, createdAt: new Date().toISOString() },
    },
  ]);
  if (generated) {
    const file = path.join(config.dataDir, FIRST_RUN_FILE);
    await fs.writeFile(file, `email: ${email}\npassword: ${generated}\n`, { mode: 0o600 });
    // The password is shown once, in the start-up block main.ts prints (startBanner.ts).
  }
  deps.log.info('admin.bootstrapped', { generated: generated !== null });
  return { created: true, generatedPassword: generated };
}
