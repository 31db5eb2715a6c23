import { ROLE_LABELS, type Role } from '../shared/roles.js';

/**
 * The one block `npm start` prints: where the app is, who can sign in and as what, where the
 * password is kept (it is shown only on the very first start), and how to open it from a phone on
 * the same network. Pure, so it is tested as text.
 */

/** An account to list, with its role in the demo review (or none for an admin with no review yet). */
export type BannerAccount = { email: string; role: Role | null; agency: string | null; admin: boolean };

/** What the banner says. */
export type BannerFacts = {
  url: string;
  host: string;
  port: number;
  accounts: readonly BannerAccount[];
  /** The generated password, on the first start only. */
  generatedPassword: string | null;
  /** Where a generated password is kept, when that file still exists. */
  credentialsFile: string | null;
  /** Whether the password came from ADMIN_PASSWORD. */
  passwordFromEnv: boolean;
  /** This machine's addresses on the local network (IPv4, not loopback). */
  lanAddresses: readonly string[];
  dataDir: string;
};

/** The start-up block, as lines of text. */
export function startBanner(f: BannerFacts): string {
  const rule = '-'.repeat(72);
  const width = Math.max(...f.accounts.map((a) => a.email.length), 10) + 2;
  const lines = [rule, `Review Room is running at ${f.url}`, '', 'Sign in as:'];
  for (const a of f.accounts) {
    const what = [a.admin ? 'partnership admin' : null, a.role ? `${ROLE_LABELS[a.role].toLowerCase()}${a.agency ? ` (${a.agency})` : ''} in the demo review` : null]
      .filter(Boolean)
      .join('; ');
    lines.push(`  ${a.email.padEnd(width)}${what}`);
  }
  lines.push('');
  if (f.generatedPassword) {
    lines.push(`Password (every account above): ${f.generatedPassword}`);
    lines.push(`It is shown only now, and kept in ${f.credentialsFile ?? 'the data folder'} (readable by you only).`);
  } else if (f.credentialsFile) {
    lines.push(`Password: kept in ${f.credentialsFile} (from the first start). Delete that file once you have changed it.`);
  } else if (f.passwordFromEnv) {
    lines.push('Password: the one you set in ADMIN_PASSWORD.');
  } else {
    lines.push('Password: the one set for each account (npm run admin -- reset-password --email ... sets a new one).');
  }
  lines.push('');
  const listening = f.host === '0.0.0.0' || f.host === '::';
  const lan = f.lanAddresses[0] ?? '<this computer\u2019s network address>';
  if (listening) {
    lines.push(`From a phone on the same Wi-Fi, open http://${lan}:${f.port}`);
    lines.push(`(PUBLIC_ORIGINS must include http://${lan}:${f.port} for the workshop to connect).`);
  } else {
    lines.push('To try it from a phone on the same Wi-Fi (for the workshop), stop it and start it with');
    lines.push(`  HOST=0.0.0.0 PUBLIC_ORIGINS=http://${lan}:${f.port} npm start`);
    lines.push(`then open http://${lan}:${f.port} on the phone. See "Trying it from a phone" in the README.`);
  }
  lines.push('', `Data is kept in ${f.dataDir}. Logs below show only refusals, failures and slow requests (LOG_LEVEL=debug shows all).`, rule);
  return `\n${lines.join('\n')}\n\n`;
}
