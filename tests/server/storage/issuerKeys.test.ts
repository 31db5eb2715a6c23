import { afterEach, describe, expect, it } from 'vitest';
import { blindRequest } from '../../../client/src/participant/participationToken.js';
import { TokenIssuer } from '../../../server/workshop/TokenIssuer.js';
import type { Storage } from '../../../server/storage/openStorage.js';
import { tempDataDir } from '../../utils/testServer.js';
import { openTestStorage } from '../../utils/storage.js';

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

describe('workshop blind-signing keys in the storage backend', () => {
  it('keeps the pair across a restart, and erasing it ends every token', async () => {
    const dataDir = tempDataDir();
    const first = new TokenIssuer((await open(dataDir)).issuerKeys);
    const t = await token(first, 'workshop-one');
    const publicKey = await first.publicKey('workshop-one');
    await opened.pop()!.close();

    const again = new TokenIssuer((await open(dataDir)).issuerKeys);
    expect(await again.publicKey('workshop-one')).toBe(publicKey);
    expect(await again.verify('workshop-one', t)).toMatch(/^[0-9a-f]{64}$/);
    await again.erase('workshop-one');
    expect(await again.verify('workshop-one', t)).toBeNull();
    expect(await opened[0]!.issuerKeys.get('workshop-one')).toBeNull();
  }, 60_000);
});
