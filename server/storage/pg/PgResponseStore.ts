import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { shuffle } from '../../../shared/workshop/anonymity.js';
import { WorkshopClosedError } from '../errors.js';
import type { Author, CurrentRelease, ResponseStore } from '../types.js';
import { inTransaction } from './pool.js';

/** One answer of a release: its release-local id, the answer slot it was taken from, and its words then. */
type ReleaseItem = { id: string; slot: string; text: string; hidden: boolean };

type ReleaseRow = { prompt_id: string; id: string; items: ReleaseItem[]; from_invitations: number; from_code: number; code_counted: boolean };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSlot = () => randomBytes(12).toString('hex');
/** The key an answer is replaced and withdrawn by: per prompt for a token, per answer for a receipt (as FileResponseStore). */
function authorKey(promptId: string, a: Author): string {
  return a.mode === 'token' ? sha256(`token\0${a.tokenId}\0${promptId}`) : sha256(`receipt\0${a.receipt}`);
}
/** Byte order of random hex slots, the order the embedded store sorts its file by. */
const bySlot = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Anonymous workshop answers in PostgreSQL, with the semantics of FileResponseStore (docs/anonymity.md):
 * one `workshop_responses` row per answer holding the workshop, the prompt, a random slot, the words,
 * the author key and join mode (both erased on finalise) and the hidden flag, and nothing else: no key
 * to a user, participant, session, address or time. A prompt's current release is one
 * `workshop_releases` row (a snapshot in a fresh random order under fresh ids). Every write to a
 * workshop first locks its `workshop_response_state` row, which holds the sealed flag, so writes to
 * one workshop are serialised across connections and nodes, and a seal settles any race with an
 * answer. Private requests are rows of their own table with their own random keys, read shuffled.
 */
export class PgResponseStore implements ResponseStore {
  /** Creates the store over a migrated pool; `random` orders releases and private requests. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly random: () => number = Math.random,
  ) {}

  /** Runs `fn` in one transaction holding the workshop's lock row; `fn` gets whether the workshop is sealed. */
  private locked<T>(workshopId: string, fn: (client: pg.PoolClient, closed: boolean) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      // The no-op update takes the row lock in the same statement that creates the row.
      const { rows } = await client.query<{ closed: boolean }>(
        `INSERT INTO workshop_response_state (workshop_id) VALUES ($1)
         ON CONFLICT (workshop_id) DO UPDATE SET closed = workshop_response_state.closed RETURNING closed`,
        [workshopId],
      );
      return fn(client, rows[0]!.closed);
    });
  }

  /** Stores or replaces (same author key) an answer; an edit takes a new slot and comes back unhidden, like any new answer. */
  async respond(workshopId: string, promptId: string, text: string, author: Author): Promise<void> {
    const key = authorKey(promptId, author);
    await this.locked(workshopId, async (client, closed) => {
      if (closed) throw new WorkshopClosedError();
      await client.query('INSERT INTO workshop_prompts (workshop_id, prompt_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [workshopId, promptId]);
      await client.query('DELETE FROM workshop_responses WHERE workshop_id = $1 AND prompt_id = $2 AND author_key = $3', [workshopId, promptId, key]);
      await client.query('INSERT INTO workshop_responses (workshop_id, prompt_id, slot, answer, author_key, join_mode, hidden) VALUES ($1, $2, $3, $4, $5, $6, false)', [
        workshopId,
        promptId,
        newSlot(),
        text,
        key,
        author.mode,
      ]);
    });
  }

  /** Withdraws the author's answer to a prompt; false if there is none. */
  async withdraw(workshopId: string, promptId: string, author: Author): Promise<boolean> {
    const key = authorKey(promptId, author);
    return this.locked(workshopId, async (client, closed) => {
      if (closed) throw new WorkshopClosedError();
      const r = await client.query('DELETE FROM workshop_responses WHERE workshop_id = $1 AND prompt_id = $2 AND author_key = $3', [workshopId, promptId, key]);
      return (r.rowCount ?? 0) > 0;
    });
  }

  /** Live answers per prompt and join mode; a prompt that ever had an answer is listed, with zeros once all are withdrawn. */
  async tally(workshopId: string): Promise<Record<string, { token: number; code: number }>> {
    const { rows } = await this.pool.query<{ prompt_id: string; token: number; code: number }>(
      `SELECT p.prompt_id,
              count(r.slot) FILTER (WHERE r.join_mode IS DISTINCT FROM 'code')::int AS token,
              count(r.slot) FILTER (WHERE r.join_mode = 'code')::int AS code
         FROM workshop_prompts p LEFT JOIN workshop_responses r ON r.workshop_id = p.workshop_id AND r.prompt_id = p.prompt_id
        WHERE p.workshop_id = $1 GROUP BY p.prompt_id`,
      [workshopId],
    );
    return Object.fromEntries(rows.map((r) => [r.prompt_id, { token: r.token, code: r.code }]));
  }

  /** A new release of a prompt: every answer now, in a fresh random order under fresh ids; maps the previous release's ids onto it. */
  async release(workshopId: string, promptId: string, codeCounted: boolean): Promise<{ renamed: Map<string, string> }> {
    return this.locked(workshopId, async (client) => {
      const { rows: answers } = await client.query<{ slot: string; answer: string; hidden: boolean; join_mode: string | null }>(
        'SELECT slot, answer, hidden, join_mode FROM workshop_responses WHERE workshop_id = $1 AND prompt_id = $2 ORDER BY slot COLLATE "C"',
        [workshopId, promptId],
      );
      const items = shuffle(
        answers.map((a) => ({ id: newSlot(), slot: a.slot, text: a.answer, hidden: a.hidden })),
        this.random,
      );
      const now = new Map(items.map((i) => [i.slot, i.id]));
      const renamed = new Map<string, string>();
      const previous = await client.query<{ items: ReleaseItem[] }>('SELECT items FROM workshop_releases WHERE workshop_id = $1 AND prompt_id = $2', [workshopId, promptId]);
      for (const old of previous.rows[0]?.items ?? []) {
        const id = now.get(old.slot);
        if (id) renamed.set(old.id, id);
      }
      await client.query(
        `INSERT INTO workshop_releases (workshop_id, prompt_id, id, items, from_invitations, from_code, code_counted) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (workshop_id, prompt_id) DO UPDATE SET id = EXCLUDED.id, items = EXCLUDED.items, from_invitations = EXCLUDED.from_invitations,
           from_code = EXCLUDED.from_code, code_counted = EXCLUDED.code_counted`,
        [
          workshopId,
          promptId,
          newSlot(),
          JSON.stringify(items),
          answers.filter((a) => a.join_mode !== 'code').length,
          answers.filter((a) => a.join_mode === 'code').length,
          codeCounted,
        ],
      );
      return { renamed };
    });
  }

  /** The current release of a prompt, or null before its first. */
  async currentRelease(workshopId: string, promptId: string): Promise<CurrentRelease | null> {
    const { rows } = await this.pool.query<ReleaseRow>('SELECT * FROM workshop_releases WHERE workshop_id = $1 AND prompt_id = $2', [workshopId, promptId]);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      responses: r.items.map((i) => ({ id: i.id, text: i.text, hidden: i.hidden })),
      fromInvitations: r.from_invitations,
      fromCode: r.from_code,
      codeCounted: r.code_counted,
    };
  }

  /** Hides or shows an answer of the current release (moderation); it stays hidden in later releases. */
  async setHidden(workshopId: string, promptId: string, releasedId: string, hidden: boolean): Promise<boolean> {
    return this.locked(workshopId, async (client) => {
      const { rows } = await client.query<{ items: ReleaseItem[] }>('SELECT items FROM workshop_releases WHERE workshop_id = $1 AND prompt_id = $2', [workshopId, promptId]);
      const items = rows[0]?.items;
      const item = items?.find((i) => i.id === releasedId);
      if (!items || !item) return false;
      item.hidden = hidden;
      await client.query('UPDATE workshop_releases SET items = $3 WHERE workshop_id = $1 AND prompt_id = $2', [workshopId, promptId, JSON.stringify(items)]);
      await client.query('UPDATE workshop_responses SET hidden = $4 WHERE workshop_id = $1 AND prompt_id = $2 AND slot = $3', [workshopId, promptId, item.slot, hidden]);
      return true;
    });
  }

  /** Refuses every later answer or withdrawal (the first step of closing). */
  async seal(workshopId: string): Promise<void> {
    await this.locked(workshopId, async (client) => {
      await client.query('UPDATE workshop_response_state SET closed = true WHERE workshop_id = $1', [workshopId]);
    });
  }

  /**
   * The last step of closing: every answer gets a new random id and loses its key and join mode, and
   * each release is rewritten onto the new ids so no slot map is kept. The answers are deleted and
   * inserted again in the order of their new ids, so the rows' physical order and transaction ids no
   * longer follow arrival. Returns, per prompt, how the current release's ids map onto the final ones.
   */
  async finalise(workshopId: string): Promise<Map<string, Map<string, string>>> {
    return this.locked(workshopId, async (client) => {
      await client.query('UPDATE workshop_response_state SET closed = true WHERE workshop_id = $1', [workshopId]);
      const prompts = new Set(
        (await client.query<{ prompt_id: string }>('SELECT prompt_id FROM workshop_prompts WHERE workshop_id = $1', [workshopId])).rows.map((r) => r.prompt_id),
      );
      const { rows: answers } = await client.query<{ prompt_id: string; slot: string; answer: string; hidden: boolean }>(
        'SELECT prompt_id, slot, answer, hidden FROM workshop_responses WHERE workshop_id = $1',
        [workshopId],
      );
      const finalOf = new Map<string, { id: string; text: string; hidden: boolean }>();
      for (const a of answers) finalOf.set(`${a.prompt_id}\0${a.slot}`, { id: newSlot(), text: a.answer, hidden: a.hidden });
      const rewritten = answers
        .map((a) => ({ promptId: a.prompt_id, ...finalOf.get(`${a.prompt_id}\0${a.slot}`)! }))
        .sort((x, y) => bySlot(x.promptId, y.promptId) || bySlot(x.id, y.id));
      await client.query('DELETE FROM workshop_responses WHERE workshop_id = $1', [workshopId]);
      if (rewritten.length > 0) {
        await client.query(
          `INSERT INTO workshop_responses (workshop_id, prompt_id, slot, answer, author_key, join_mode, hidden)
           SELECT $1, p, s, t, NULL, NULL, h FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[]) WITH ORDINALITY AS u(p, s, t, h, n) ORDER BY n`,
          [workshopId, rewritten.map((r) => r.promptId), rewritten.map((r) => r.id), rewritten.map((r) => r.text), rewritten.map((r) => r.hidden)],
        );
      }
      const renames = new Map<string, Map<string, string>>();
      const { rows: releases } = await client.query<ReleaseRow>('SELECT * FROM workshop_releases WHERE workshop_id = $1', [workshopId]);
      for (const r of releases) {
        // As in the embedded store, only prompts that ever had an answer keep their release.
        if (!prompts.has(r.prompt_id)) {
          await client.query('DELETE FROM workshop_releases WHERE workshop_id = $1 AND prompt_id = $2', [workshopId, r.prompt_id]);
          continue;
        }
        const renamed = new Map<string, string>();
        const items: ReleaseItem[] = [];
        for (const i of r.items) {
          const f = finalOf.get(`${r.prompt_id}\0${i.slot}`);
          if (!f) continue;
          renamed.set(i.id, f.id);
          items.push({ id: f.id, slot: f.id, text: f.text, hidden: f.hidden });
        }
        await client.query('UPDATE workshop_releases SET id = $3, items = $4 WHERE workshop_id = $1 AND prompt_id = $2', [
          workshopId,
          r.prompt_id,
          newSlot(),
          JSON.stringify(items),
        ]);
        renames.set(r.prompt_id, renamed);
      }
      return renames;
    });
  }

  /** Stores a private request under a random key of its own. */
  async requestPrivate(workshopId: string, contact: string): Promise<void> {
    await this.pool.query('INSERT INTO workshop_private_requests (workshop_id, key, contact) VALUES ($1, $2, $3)', [workshopId, newSlot(), contact]);
  }

  /** Private requests in a fresh random order. */
  async privateRequests(workshopId: string): Promise<{ contact: string }[]> {
    const { rows } = await this.pool.query<{ contact: string }>('SELECT contact FROM workshop_private_requests WHERE workshop_id = $1 ORDER BY key COLLATE "C"', [workshopId]);
    return shuffle(
      rows.map((r) => ({ contact: r.contact })),
      this.random,
    );
  }

  /** Every write has committed before its call resolves; the pool is closed by its owner. */
  async close(): Promise<void> {}
}
