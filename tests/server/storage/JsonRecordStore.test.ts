import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonRecordStore } from '../../../server/storage/JsonRecordStore.js';
import { tempDataDir } from '../../utils/testServer.js';
import { newId } from '../../../shared/ids.js';

const partnership = () => ({ id: newId(), name: 'Test partnership' });

describe('JsonRecordStore', () => {
  it('persists records across reopen, in a 0600 file, without a temp file left behind', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'records.json');
    const s = await JsonRecordStore.open(file);
    const p = partnership();
    await s.put('partnerships', p);
    await s.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    const again = await JsonRecordStore.open(file);
    expect(again.get('partnerships', p.id)).toEqual(p);
  });

  it('coalesces a burst of puts into few writes and keeps every one', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'records.json');
    const s = await JsonRecordStore.open(file);
    let writes = 0;
    const adapter = (s as unknown as { db: { adapter: { write: (d: unknown) => Promise<void> } } }).db.adapter;
    const original = adapter.write.bind(adapter);
    adapter.write = async (d) => { writes++; await original(d); };
    const ps = Array.from({ length: 50 }, partnership);
    await Promise.all(ps.map((p) => s.put('partnerships', p)));
    expect(writes).toBeLessThanOrEqual(2);
    const again = await JsonRecordStore.open(file);
    expect(again.find('partnerships')).toHaveLength(50);
  });

  it('refuses an invalid change in a commit and writes none of it', async () => {
    const s = await JsonRecordStore.open(path.join(tempDataDir(), 'records.json'));
    const good = partnership();
    expect(() => s.commit([
      { op: 'put', collection: 'partnerships', record: good },
      { op: 'put', collection: 'partnerships', record: { id: 'bad', name: '' } },
    ])).toThrow();
    expect(s.find('partnerships')).toHaveLength(0);
  });

  it('rolls memory back to the last durable state when the disk write fails', async () => {
    const dir = tempDataDir();
    const s = await JsonRecordStore.open(path.join(dir, 'records.json'));
    const kept = partnership();
    await s.put('partnerships', kept);
    // Simulate a full disk: the adapter's write fails (root ignores chmod, so a read-only dir would not).
    const adapter = (s as unknown as { db: { adapter: { write: (d: unknown) => Promise<void> } } }).db.adapter;
    const original = adapter.write.bind(adapter);
    adapter.write = async () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); };
    await expect(s.put('partnerships', partnership())).rejects.toThrow('ENOSPC');
    expect(s.find('partnerships')).toEqual([kept]);
    adapter.write = original;
    await s.put('partnerships', partnership());
    const again = await JsonRecordStore.open(path.join(dir, 'records.json'));
    expect(again.find('partnerships')).toHaveLength(2);
  });
});
