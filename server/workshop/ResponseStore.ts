/** The workshop's anonymous response store; its interface and backends live in server/storage. */
export type { ResponseStore } from '../storage/types.js';
