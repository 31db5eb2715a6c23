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
  /** The origin users reach the app at, for links the server hands out (invitations); an origin, no path. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be an origin such as https://reviews.example.gov.uk')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Set to 'true' behind HTTPS so cookies carry Secure and Express trusts X-Forwarded-Proto. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Idle docs are unloaded from memory after this long with no connections. */
  DOC_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
  /** Estimated memory loaded docs may hold, in MiB, before the coldest without connections are unloaded; default half the heap limit. */
  DOC_MEMORY_BUDGET_MB: z.coerce.number().positive().optional(),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** The audit log's HMAC key (64 hex digits or base64); else AUDIT_KEY_FILE is read or generated. */
  AUDIT_KEY: z.string().optional(),
  /** The audit key file, outside DATA_DIR; default beside it (DATA_DIR + '.audit-key'). */
  AUDIT_KEY_FILE: z.string().optional(),
  /** 'true' lets the server start although the audit chain does not verify (docs/security.md). */
  AUDIT_ALLOW_BROKEN: z.enum(['true', 'false']).default('false'),
  /** PostgreSQL connection string; when set (and not empty) every store lives there instead of DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /** A PostgreSQL schema to keep the tables in (created if missing); several installations or test servers can share one database. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .optional(),
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
  /** PUBLIC_URL: the origin for links the server hands out; null means the first public origin or the listening address. */
  publicUrl: string | null;
  sessionIdleMs: number;
  sessionMaxMs: number;
  trustProxy: boolean;
  seedDemo: boolean;
  docIdleUnloadMs: number;
  /** DOC_MEMORY_BUDGET_MB in bytes, or undefined for the default (server/sync/memoryBudget.ts). */
  docMemoryBudgetBytes: number | undefined;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** How often at most the facilitator's live workshop counts change (default COUNTS_INTERVAL_MS, 30 s); tests shorten it. */
  workshopCountsIntervalMs?: number;
  /** How many updates each doc's history keeps (default HISTORY_MAX_ENTRIES); tests lower it. */
  historyMaxEntries?: number;
  /** PostgreSQL connection string, or undefined for the embedded store under dataDir. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema for the tables, or undefined for the connection's default. */
  databaseSchema: string | undefined;
  /** Yjs socket heartbeat interval in ms (default 15 s); tests shorten it. */
  syncHeartbeatMs?: number;
  /** Presence batching and keepalive intervals (tests set them; defaults in server/sync/presenceHub.ts). */
  syncPresence?: { flushMs: number; keepaliveMs: number };
  /** AUDIT_KEY, if set (empty counts as unset). */
  auditKey: string | undefined;
  /** AUDIT_KEY_FILE, if set. */
  auditKeyFile: string | undefined;
  /** Start even if the audit chain is broken. */
  auditAllowBroken: boolean;
  /** How often open sockets are checked against their session's timeouts (default 5 s); tests shorten it. */
  sessionSweepMs?: number;
  /** The clock sessions are timed by (default Date.now); tests inject one to move time forward. */
  clock?: () => number;
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
    publicOrigins: e.PUBLIC_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: e.PUBLIC_URL ?? null,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    trustProxy: e.TRUST_PROXY === 'true',
    seedDemo: e.SEED_DEMO === 'true',
    docIdleUnloadMs: e.DOC_IDLE_UNLOAD_MS,
    docMemoryBudgetBytes: e.DOC_MEMORY_BUDGET_MB === undefined ? undefined : Math.round(e.DOC_MEMORY_BUDGET_MB * 2 ** 20),
    logLevel: e.LOG_LEVEL,
    auditKey: e.AUDIT_KEY || undefined,
    auditKeyFile: e.AUDIT_KEY_FILE || undefined,
    auditAllowBroken: e.AUDIT_ALLOW_BROKEN === 'true',
    databaseUrl: e.DATABASE_URL || undefined,
    databaseSchema: e.DATABASE_SCHEMA || undefined,
    clientDir: path.resolve('dist/client'),
    ...overrides,
  };
}
