import { describe, expect, it } from 'vitest';
import { describeRefusedEdit, isRefusedEdit, shouldReconnectAfter } from '../../../client/src/lib/refusedEdit.js';
import { describeSync, type SyncFacts } from '../../../client/src/lib/syncStatus.js';
import {
  CLOSE_ACCESS_CHANGED,
  CLOSE_BAD_DATA,
  CLOSE_BAD_SHAPE,
  CLOSE_FOREIGN_CLIENT,
  CLOSE_RATE_LIMITED,
  CLOSE_SERVER_ERROR,
  CLOSE_TOO_LARGE,
} from '../../../shared/sync/closeCodes.js';

describe('refused changes', () => {
  it('treats shape, client id and cap refusals as final, and everything else as worth a reconnect', () => {
    expect(isRefusedEdit(CLOSE_BAD_SHAPE, 'shape')).toBe(true);
    expect(isRefusedEdit(CLOSE_FOREIGN_CLIENT, 'client id of another user')).toBe(true);
    expect(isRefusedEdit(CLOSE_TOO_LARGE, 'cap')).toBe(true);
    expect(isRefusedEdit(CLOSE_TOO_LARGE, 'document full')).toBe(true);
    // Held for missing dependencies: the reconnect's handshake sends the whole difference.
    expect(isRefusedEdit(CLOSE_TOO_LARGE, 'missing dependencies')).toBe(false);
    expect(isRefusedEdit(CLOSE_TOO_LARGE, 'too many missing dependencies')).toBe(false);
    for (const code of [1000, 1006, CLOSE_BAD_DATA, CLOSE_SERVER_ERROR, CLOSE_ACCESS_CHANGED, CLOSE_RATE_LIMITED]) {
      expect(isRefusedEdit(code, '')).toBe(false);
      expect(shouldReconnectAfter({ code, reason: '' })).toBe(true);
    }
    expect(shouldReconnectAfter({ code: CLOSE_BAD_SHAPE, reason: 'shape' })).toBe(false);
  });

  it('says what happened, why and what to do, in plain words for each kind', () => {
    const shape = describeRefusedEdit(CLOSE_BAD_SHAPE);
    const cap = describeRefusedEdit(CLOSE_TOO_LARGE);
    const foreign = describeRefusedEdit(CLOSE_FOREIGN_CLIENT);
    for (const m of [shape, cap, foreign]) {
      expect(m.title).toBe('This change could not be saved.');
      expect(m.action).toMatch(/reload the latest saved copy/);
      expect(m.action).toMatch(/discards your changes that were not saved/);
    }
    expect(cap.reason).toMatch(/size limit/);
    expect(foreign.reason).toMatch(/another user/);
    expect(shape.reason).toMatch(/not in a form this document accepts/);
    expect(new Set([shape.reason, cap.reason, foreign.reason]).size).toBe(3);
  });

  it('puts a refused change first in the status line, whatever else holds', () => {
    const base: SyncFacts = { connected: true, synced: true, everConnected: true, pending: 0, refused: false };
    const refusedEdit = { code: CLOSE_BAD_SHAPE, reload: () => undefined };
    for (const over of [{}, { connected: false }, { pending: 3 }, { synced: false }]) {
      expect(describeSync({ ...base, ...over, refusedEdit })).toEqual({
        text: 'A change could not be saved, so nothing more is being saved. Reload the latest saved copy.',
        tone: 'error',
      });
    }
    expect(describeSync({ ...base, refusedEdit: null }).tone).toBe('ok');
  });
});
