import { describe, expect, it } from 'vitest';
import { describeSync, type SyncFacts } from '../../../client/src/lib/syncStatus.js';

const base: SyncFacts = { connected: true, synced: true, everConnected: true, pending: 0, refused: false };
const f = (over: Partial<SyncFacts>): SyncFacts => ({ ...base, ...over });

describe('describeSync', () => {
  it('says all is saved when connected, synced and nothing is waiting', () => {
    expect(describeSync(base)).toEqual({ text: 'Connected. All changes saved.', tone: 'ok' });
  });

  it('says it is saving while a change is on its way', () => {
    expect(describeSync(f({ pending: 1 }))).toEqual({ text: 'Saving…', tone: 'busy' });
  });

  it('says it is connecting before the first connection', () => {
    expect(describeSync(f({ connected: false, synced: false, everConnected: false }))).toEqual({ text: 'Connecting…', tone: 'busy' });
  });

  it('warns when the connection is lost, counting unsaved changes with correct grammar', () => {
    expect(describeSync(f({ connected: false, synced: false }))).toEqual({ text: 'Connection lost. Reconnecting…', tone: 'warning' });
    expect(describeSync(f({ connected: false, synced: false, pending: 1 })).text).toBe('Connection lost. Reconnecting… 1 change is waiting to be saved; keep this page open.');
    expect(describeSync(f({ connected: false, synced: false, pending: 3 })).text).toBe('Connection lost. Reconnecting… 3 changes are waiting to be saved; keep this page open.');
  });

  it('says it is loading, or re-sending changes, while connected but not yet synced', () => {
    expect(describeSync(f({ synced: false }))).toEqual({ text: 'Loading the latest version…', tone: 'busy' });
    expect(describeSync(f({ synced: false, pending: 2 }))).toEqual({ text: 'Reconnected. Sending your changes… 2 changes are waiting to be saved.', tone: 'busy' });
  });

  it('puts a refusal by the server above everything else', () => {
    for (const over of [{}, { connected: false }, { pending: 4 }, { synced: false }]) {
      expect(describeSync(f({ ...over, refused: true })).tone).toBe('error');
    }
    expect(describeSync(f({ refused: true })).text).toMatch(/Reload the page/);
  });

  it('never uses colour alone: every state has words', () => {
    const all = [true, false].flatMap((connected) =>
      [true, false].flatMap((synced) =>
        [true, false].flatMap((everConnected) =>
          [0, 1, 5].flatMap((pending) => [true, false].map((refused) => describeSync({ connected, synced, everConnected, pending, refused }))),
        ),
      ),
    );
    for (const m of all) expect(m.text.length).toBeGreaterThan(5);
  });
});
