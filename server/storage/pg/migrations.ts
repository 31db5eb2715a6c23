import type pg from 'pg';
import { inTransaction } from './pool.js';

/**
 * The schema, as numbered migrations applied in order at start-up and recorded in schema_migrations.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'records, sessions, Yjs updates, audit chain, workshop responses',
    sql: `
      CREATE TABLE records (
        collection text NOT NULL,
        id text NOT NULL,
        body jsonb NOT NULL,
        -- Real columns for every field a query may filter on (IndexedFields) and for conditional writes.
        version integer,
        review_id text,
        user_id text,
        agency_id text,
        email text,
        token_hash text,
        role text,
        is_admin boolean,
        -- Insertion order, so lists come back in the order the embedded store gives.
        seq bigserial NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX records_review ON records (collection, review_id);
      CREATE INDEX records_user ON records (collection, user_id);
      CREATE INDEX records_agency ON records (collection, agency_id);
      CREATE INDEX records_email ON records (collection, email);
      CREATE UNIQUE INDEX records_token ON records (token_hash) WHERE token_hash IS NOT NULL;

      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL,
        created_at bigint NOT NULL,
        last_seen_at bigint NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);

      CREATE TABLE doc_snapshots (
        doc_name text PRIMARY KEY,
        snapshot bytea NOT NULL
      );
      CREATE TABLE doc_updates (
        doc_name text NOT NULL,
        seq bigserial NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (doc_name, seq)
      );

      -- The audit chain: each line stored exactly as hashed (text, not jsonb, which would reorder keys).
      CREATE TABLE audit_lines (
        seq bigint PRIMARY KEY,
        line text NOT NULL
      );
      -- One row holding the chain's head; locking it serialises appends, so seq order is chain order.
      CREATE TABLE audit_head (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        seq bigint NOT NULL,
        hash text
      );
      INSERT INTO audit_head (one, seq, hash) VALUES (true, 0, NULL);

      -- One row per answer, with no key to a person: no user, participant, session, address or time.
      CREATE TABLE workshop_responses (
        workshop_id text NOT NULL,
        prompt_id text NOT NULL,
        slot text NOT NULL,
        answer text NOT NULL,
        receipt_hash text NOT NULL,
        hidden boolean NOT NULL DEFAULT false,
        PRIMARY KEY (workshop_id, prompt_id, slot),
        UNIQUE (workshop_id, prompt_id, receipt_hash)
      );
      -- Private requests share no key with answers.
      CREATE TABLE workshop_private_requests (
        workshop_id text NOT NULL,
        key text NOT NULL,
        contact text NOT NULL,
        PRIMARY KEY (workshop_id, key)
      );
    `,
  },
  {
    version: 2,
    name: 'workshop answers by author key and join mode, releases, per-workshop lock row',
    sql: `
      -- Replaced: answers are now kept by a per-prompt author key (token) or receipt key (code), which
      -- closing erases, and staff read them only through releases. No data of the old shape shipped.
      DROP TABLE workshop_responses;
      -- One row per workshop whose answers are stored: every write locks it (so writes to one workshop are
      -- serialised across nodes), and it says whether the workshop is sealed. No time, no person.
      CREATE TABLE workshop_response_state (
        workshop_id text PRIMARY KEY,
        closed boolean NOT NULL DEFAULT false
      );
      -- The prompts that have ever had an answer (the tally lists them, with zeros once all are withdrawn).
      CREATE TABLE workshop_prompts (
        workshop_id text NOT NULL,
        prompt_id text NOT NULL,
        PRIMARY KEY (workshop_id, prompt_id)
      );
      -- One row per answer, with no key to a person: no user, participant, session, address or time. The
      -- author key and join mode are set to NULL when the workshop closes.
      CREATE TABLE workshop_responses (
        workshop_id text NOT NULL,
        prompt_id text NOT NULL,
        slot text NOT NULL,
        answer text NOT NULL,
        author_key text,
        join_mode text CHECK (join_mode IN ('token', 'code')),
        hidden boolean NOT NULL DEFAULT false,
        PRIMARY KEY (workshop_id, prompt_id, slot)
      );
      CREATE UNIQUE INDEX workshop_responses_author ON workshop_responses (workshop_id, prompt_id, author_key) WHERE author_key IS NOT NULL;
      -- A prompt's current release: its answers (release id, slot, words, hidden) in a fresh random order.
      CREATE TABLE workshop_releases (
        workshop_id text NOT NULL,
        prompt_id text NOT NULL,
        id text NOT NULL,
        items jsonb NOT NULL,
        from_invitations integer NOT NULL,
        from_code integer NOT NULL,
        code_counted boolean NOT NULL,
        PRIMARY KEY (workshop_id, prompt_id)
      );
    `,
  },
  {
    version: 3,
    name: 'attributed Yjs updates and their history, kept apart from snapshots',
    sql: `
      -- Who sent each update (the signed-in user, NULL for the server's own), and when (ms since the epoch).
      ALTER TABLE doc_updates ADD COLUMN user_id text, ADD COLUMN at bigint;
      -- Updates moved here by compaction, so history survives it; seq is the update's doc_updates seq.
      CREATE TABLE doc_history (
        doc_name text NOT NULL,
        seq bigint NOT NULL,
        user_id text,
        at bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (doc_name, seq)
      );
      -- The doc's state before its first retained history entry (older entries are folded into it).
      CREATE TABLE doc_history_base (
        doc_name text PRIMARY KEY,
        base bytea NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'workshop blind-signing keys',
    sql: `
      -- Each workshop's blind-signing key pair (server/workshop/TokenIssuer.ts), shared by every node and
      -- deleted when the workshop closes. It says nothing about who holds which token.
      CREATE TABLE workshop_issuer_keys (
        workshop_id text PRIMARY KEY,
        private_jwk jsonb NOT NULL,
        public_spki text NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'Socket.IO adapter attachments, shared workshop counts snapshots',
    sql: `
      -- @socket.io/postgres-adapter (server/realtime/clusterAdapter.ts): a broadcast over NOTIFY's 8,000-byte
      -- limit travels as a row here, named by id in the notification, and is deleted after 30 s. Unlogged:
      -- a crash loses only broadcasts already delivered or no longer wanted.
      CREATE UNLOGGED TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      );
      -- The facilitator's last coarse counts per workshop (server/workshop/CountsPublisher.ts), so watching
      -- again on any node answers the snapshot last pushed. Coarse counts only: no time, no person.
      CREATE TABLE workshop_counts (
        workshop_id text PRIMARY KEY,
        counts jsonb NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'sign-in throttle shared by every node',
    sql: `
      -- The sign-in throttle's counters (server/auth/LoginThrottle.ts), keyed by an HMAC of "account",
      -- "address" or both under a key derived from the audit key (not in the database). Unlogged: a
      -- crash resets them, as a restart did when they lived in memory. Times are ms since the epoch.
      CREATE UNLOGGED TABLE login_throttle (
        key_hash text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at bigint NOT NULL,
        next_allowed_at bigint NOT NULL
      );
      -- Accounts recognised at an address (a past sign-in from it), by the same HMAC, so they skip the
      -- account-wide and address-wide delays on every node.
      CREATE TABLE login_recognised (
        pair_hash text PRIMARY KEY,
        at bigint NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'presence batches too large for a notification',
    sql: `
      -- A presence batch over NOTIFY's 8,000-byte limit (server/storage/pg/PgPresenceRelay.ts) travels as a
      -- row here, named by id in the notification, and is deleted within a minute. Unlogged: presence is
      -- renewed every few seconds and worth nothing after a crash.
      CREATE UNLOGGED TABLE presence_batches (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        entries text NOT NULL
      );
    `,
  },
];

/**
 * Applies every migration not yet applied, in one transaction each, under a lock so that several
 * nodes starting at once do not race. Returns the versions applied now.
 */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    // Per schema: two test servers in two schemas of one database do not wait for each other.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('review-room-migrate:' || current_schema()))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
