/** The workshop's anonymous response store; its interface and backends live in server/storage. */
export type { Author, ResponseStore } from '../storage/types.js';
export { WorkshopClosedError } from '../storage/errors.js';
