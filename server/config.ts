import path from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment (README, "Configuration"). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** The first admin is created from these on an empty DATA_DIR. */
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  PARTNERSHIP_NAME: z.string().default('Demo Safeguarding Children Partnership'),
  /** Public origin(s) browsers use, comma separated; same-host origins are always allowed. */
  PUBLIC_ORIGINS: z.string().default(''),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Set to 'true' behind HTTPS so cookies carry Secure and Express trusts X-Forwarded-Proto. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Idle docs are unloaded from memory after this long with no connections. */
  DOC_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
  LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
  /** PostgreSQL connection string; when set (and not empty) every store lives there instead of DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /** A PostgreSQL schema to keep the tables in (created if missing); several installations or test servers can share one database. */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
});

/** The server's configuration. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  partnershipName: string;
  publicOrigins: string[];
  sessionIdleMs: number;
  sessionMaxMs: number;
  trustProxy: boolean;
  seedDemo: boolean;
  docIdleUnloadMs: number;
  logLevel: 'silent' | 'error' | 'info';
  /** PostgreSQL connection string, or undefined for the embedded store under dataDir. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema for the tables, or undefined for the connection's default. */
  databaseSchema: string | undefined;
  /** Yjs socket heartbeat interval in ms (default 15 s); tests shorten it. */
  syncHeartbeatMs?: number;
  /** Where the built client is; absent in API-only tests. */
  clientDir: string | null;
};

/** Reads the configuration from an environment map; throws a readable error on bad values. */
export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    partnershipName: e.PARTNERSHIP_NAME,
    publicOrigins: e.PUBLIC_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    trustProxy: e.TRUST_PROXY === 'true',
    seedDemo: e.SEED_DEMO === 'true',
    docIdleUnloadMs: e.DOC_IDLE_UNLOAD_MS,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL || undefined,
    databaseSchema: e.DATABASE_SCHEMA || undefined,
    clientDir: path.resolve('dist/client'),
    ...overrides,
  };
}
