import { afterEach, describe, expect, it } from 'vitest';
import { blindRequest } from '../../../../client/src/participant/participationToken.js';
import { TokenIssuer } from '../../../../server/workshop/TokenIssuer.js';
import type { Storage } from '../../../../server/storage/openStorage.js';
import { tempDataDir } from '../../../utils/testServer.js';
import { openTestStorage } from '../../../utils/storage.js';

const opened: Storage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function open(dataDir: string): Promise<Storage> {
  const s = await openTestStorage(dataDir);
  opened.push(s);
  return s;
}

/** A token as the participant's browser makes it: blinded, signed by `signer`, unblinded. */
async function token(signer: TokenIssuer, workshopId: string) {
  const request = await blindRequest(await signer.publicKey(workshopId));
  return request.finish(await signer.blindSign(workshopId, request.blindedMessage));
}

describe('workshop blind-signing keys on PostgreSQL, with two nodes', () => {
  it('gives two nodes that make a pair at once the same pair, so a token from one verifies on the other', async () => {
    const dataDir = tempDataDir();
    const a = new TokenIssuer((await open(dataDir)).issuerKeys);
    const b = new TokenIssuer((await open(dataDir)).issuerKeys);
    const [ka, kb] = await Promise.all([a.publicKey('workshop-two'), b.publicKey('workshop-two')]);
    expect(ka).toBe(kb);
    expect(await b.verify('workshop-two', await token(a, 'workshop-two'))).toMatch(/^[0-9a-f]{64}$/);
    await a.erase('workshop-two');
    // The other node's cache still holds the pair; a fresh node finds none.
    const c = new TokenIssuer((await open(dataDir)).issuerKeys);
    expect(await c.verify('workshop-two', await token(b, 'workshop-two'))).toBeNull();
  }, 60_000);
});
