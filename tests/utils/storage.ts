import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/config.js';
import { openStorage, type Storage } from '../../server/storage/openStorage.js';
import { testEnv, testSchema } from './testServer.js';

/** The stores of a (stopped) test server's data directory, on whichever backend this run uses. */
export function openTestStorage(dataDir: string): Promise<Storage> {
  return openStorage(loadConfig(testEnv(dataDir)));
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

/**
 * Everything stored for one workshop's answers and private requests, as text, and the answers to one
 * prompt in the order storage keeps them: the files of the embedded store, or every column of every
 * row in PostgreSQL (in the order the app reads them, by random slot).
 */
export async function storedWorkshop(dataDir: string, workshopId: string, promptId: string): Promise<{ stored: string; texts: string[] }> {
  if (!process.env.DATABASE_URL) {
    const dir = path.join(dataDir, 'workshops', workshopId);
    const stored = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const prompt = JSON.parse(fs.readFileSync(path.join(dir, 'responses.json'), 'utf8')).prompts[promptId] as Record<string, { text: string }>;
    return { stored, texts: Object.values(prompt).map((r) => r.text) };
  }
  const answers = await queryTestSchema(dataDir, 'SELECT * FROM workshop_responses WHERE workshop_id = $1 ORDER BY slot COLLATE "C"', [workshopId]);
  const privates = await queryTestSchema(dataDir, 'SELECT * FROM workshop_private_requests WHERE workshop_id = $1', [workshopId]);
  return {
    stored: JSON.stringify([answers, privates]),
    texts: answers.filter((r) => r.prompt_id === promptId).map((r) => r.answer as string),
  };
}
