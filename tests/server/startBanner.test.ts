import { describe, expect, it } from 'vitest';
import { startBanner, type BannerFacts } from '../../server/startBanner.js';
import { listSignInAccounts } from '../../server/commands/signInAccountsLister.js';
import { startTestServer } from '../utils/testServer.js';

const base: BannerFacts = {
  url: 'http://127.0.0.1:3000',
  host: '127.0.0.1',
  port: 3000,
  generatedPassword: null,
  credentialsFile: null,
  passwordFromEnv: false,
  lanAddresses: ['192.168.1.20'],
  dataDir: './data',
  accounts: [
    { email: 'admin@example.org', admin: true, role: 'lead-reviewer', agency: null },
    { email: 'police.author@demo.invalid', admin: false, role: 'agency-author', agency: 'POL' },
  ],
};

describe('the start-up block', () => {
  it('names the address, every account with its role, and shows a generated password once with where it is kept', () => {
    const text = startBanner({ ...base, generatedPassword: 'Secret-123', credentialsFile: 'data/first-run-credentials.txt' });
    expect(text).toContain('Review Room is running at http://127.0.0.1:3000');
    expect(text).toMatch(/admin@example\.org\s+partnership admin; lead reviewer in the demo review/);
    expect(text).toMatch(/police\.author@demo\.invalid\s+agency author \(POL\) in the demo review/);
    expect(text).toContain('Password (every account above): Secret-123');
    expect(text).toContain('kept in data/first-run-credentials.txt');
  });

  it('on later starts says where the password is, never the password, and how to reach it from a phone', () => {
    const text = startBanner({ ...base, credentialsFile: 'data/first-run-credentials.txt' });
    expect(text).not.toContain('Secret');
    expect(text).toContain('Password: kept in data/first-run-credentials.txt');
    expect(text).toContain('HOST=0.0.0.0 PUBLIC_ORIGINS=http://192.168.1.20:3000 npm start');
    const open = startBanner({ ...base, host: '0.0.0.0', passwordFromEnv: true });
    expect(open).toContain('From a phone on the same Wi-Fi, open http://192.168.1.20:3000');
    expect(open).toContain('the one you set in ADMIN_PASSWORD');
  });
});

describe('listSignInAccounts', () => {
  it('lists the admin and the demo accounts with their roles and agency', async () => {
    const server = await startTestServer({ env: { SEED_DEMO: 'true' } });
    try {
      const accounts = await listSignInAccounts(server.deps.records);
      expect(accounts[0]).toMatchObject({ admin: true, role: 'lead-reviewer' });
      expect(accounts).toContainEqual({ email: 'police.author@demo.invalid', admin: false, role: 'agency-author', agency: 'POL' });
      expect(accounts).toContainEqual({ email: 'observer@demo.invalid', admin: false, role: 'observer', agency: null });
      expect(accounts).toHaveLength(4);
    } finally {
      await server.close();
    }
  });
});
