import type { Config } from '../../../../server/config.js';
import { startTestServer, tempDataDir, testSchema } from '../../../utils/testServer.js';

/** A test app node: the real server in this process, with its own data directory. */
export type Node = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Two app nodes on one PostgreSQL schema, each with its own data directory (lock, admin socket), as
 * behind a load balancer. Each is pushed onto `started` as soon as it runs, so the caller closes both
 * even when the second fails to start.
 */
export async function twoNodes(started: Node[], config: Partial<Config> = {}): Promise<[Node, Node]> {
  const schema = testSchema(tempDataDir());
  const a = await startTestServer({ env: { DATABASE_SCHEMA: schema }, config });
  started.push(a);
  const b = await startTestServer({ env: { DATABASE_SCHEMA: schema }, config });
  started.push(b);
  return [a, b];
}
