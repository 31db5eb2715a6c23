import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/config.js';
import { openStorage, type Storage } from '../../server/storage/openStorage.js';
import { TEST_AUDIT_KEY, testEnv, testSchema } from './testServer.js';

/** The stores of a (stopped) test server's data directory, on whichever backend this run uses. */
export function openTestStorage(dataDir: string): Promise<Storage> {
  return openStorage(loadConfig(testEnv(dataDir)), TEST_AUDIT_KEY);
}

/** Runs one query in a test server's PostgreSQL schema. */
export async function queryTestSchema<R extends pg.QueryResultRow>(dataDir: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${testSchema(dataDir)}` });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The contents of every file in a workshop's folder under DATA_DIR (the embedded store's files; on PostgreSQL, the blind-signing key until close). */
function workshopFiles(dataDir: string, workshopId: string): string[] {
  const dir = path.join(dataDir, 'workshops', workshopId);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Every table holding workshop answers, releases and private requests on PostgreSQL (migration 2). */
const WORKSHOP_TABLES = ['workshop_response_state', 'workshop_prompts', 'workshop_responses', 'workshop_releases', 'workshop_private_requests'] as const;

/**
 * Everything stored for one workshop's answers and private requests, as text, and the answers to one
 * prompt in the order storage keeps them: the files of the embedded store (workshops/<id>/), or every
 * column of every workshop row in PostgreSQL, with any file of the workshop's folder (in the order the
 * app reads them, by random slot).
 */
export async function storedWorkshop(dataDir: string, workshopId: string, promptId: string): Promise<{ stored: string; texts: string[] }> {
  const files = workshopFiles(dataDir, workshopId);
  if (!process.env.DATABASE_URL) {
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, 'workshops', workshopId, 'responses.json'), 'utf8'));
    const prompt = (data.prompts[promptId] ?? {}) as Record<string, { text: string }>;
    return { stored: files.join('\n'), texts: Object.values(prompt).map((r) => r.text) };
  }
  const rows: Record<string, unknown[]> = {};
  for (const t of WORKSHOP_TABLES) rows[t] = await queryTestSchema(dataDir, `SELECT * FROM ${t} WHERE workshop_id = $1`, [workshopId]);
  const answers = await queryTestSchema<{ answer: string }>(dataDir, 'SELECT answer FROM workshop_responses WHERE workshop_id = $1 AND prompt_id = $2 ORDER BY slot COLLATE "C"', [
    workshopId,
    promptId,
  ]);
  return { stored: [JSON.stringify(rows), ...files].join('\n'), texts: answers.map((r) => r.answer) };
}

/** One stored answer as either backend keeps it: its slot, prompt, words, author key and join mode (null once closed). */
export type StoredAnswer = { promptId: string; slot: string; text: string; key: string | null; mode: string | null };

/**
 * A workshop's stored answers and releases in one shape on either backend (responses.json, or the
 * PostgreSQL rows), for tests that check what closing erased without depending on the backend.
 */
export async function storedAnswers(
  dataDir: string,
  workshopId: string,
): Promise<{ answers: StoredAnswer[]; releases: { promptId: string; items: { id: string; slot: string }[] }[] }> {
  if (!process.env.DATABASE_URL) {
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, 'workshops', workshopId, 'responses.json'), 'utf8')) as {
      prompts: Record<string, Record<string, { text: string; key: string | null; mode: string | null }>>;
      releases?: Record<string, { items: { id: string; slot: string }[] }>;
    };
    return {
      answers: Object.entries(data.prompts).flatMap(([promptId, answers]) =>
        Object.entries(answers).map(([slot, a]) => ({ promptId, slot, text: a.text, key: a.key, mode: a.mode })),
      ),
      releases: Object.entries(data.releases ?? {}).map(([promptId, r]) => ({ promptId, items: r.items.map((i) => ({ id: i.id, slot: i.slot })) })),
    };
  }
  const rows = await queryTestSchema<{ prompt_id: string; slot: string; answer: string; author_key: string | null; join_mode: string | null }>(
    dataDir,
    'SELECT prompt_id, slot, answer, author_key, join_mode FROM workshop_responses WHERE workshop_id = $1 ORDER BY prompt_id, slot COLLATE "C"',
    [workshopId],
  );
  const releases = await queryTestSchema<{ prompt_id: string; items: { id: string; slot: string }[] }>(
    dataDir,
    'SELECT prompt_id, items FROM workshop_releases WHERE workshop_id = $1',
    [workshopId],
  );
  return {
    answers: rows.map((r) => ({ promptId: r.prompt_id, slot: r.slot, text: r.answer, key: r.author_key, mode: r.join_mode })),
    releases: releases.map((r) => ({ promptId: r.prompt_id, items: r.items.map((i) => ({ id: i.id, slot: i.slot })) })),
  };
}
