import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSetup, INITIAL_STATE, type Workshop } from '../../../shared/workshop/workshop.js';
import { EMPTY_OUTCOME } from '../../../shared/workshop/outcome.js';
import { FileResponseStore } from '../../../server/storage/FileResponseStore.js';
import { CountsPublisher } from '../../../server/workshop/CountsPublisher.js';

/** The facilitator's live counts: a snapshot that only a fixed clock tick replaces, and coarse. */

const workshop: Workshop = {
  id: 'w-counts-0000000000',
  reviewId: 'r-counts-0000000000',
  setup: { ...defaultSetup('2026-12-01'), k: 3 },
  state: INITIAL_STATE,
  joinCode: 'ABCDEF',
  responsesExist: true,
  createdBy: 'u',
  attendance: [],
  outcome: EMPTY_OUTCOME,
  outcomeVersion: 0,
  codeJoining: false,
  invitations: [],
};

afterEach(() => {
  vi.useRealTimers();
});

describe('CountsPublisher', () => {
  it('answers the same snapshot until the next tick of its clock, then pushes one coarse snapshot', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const responses = new FileResponseStore(fs.mkdtempSync(path.join(os.tmpdir(), 'rr-counts-')));
    let now = 1_000;
    const pushed: unknown[] = [];
    const counts = new CountsPublisher({ workshop: () => workshop, responses, emit: (_id, c) => pushed.push(c) }, 30_000, () => now);
    expect(await counts.snapshot(workshop.id)).toEqual({});
    for (let i = 0; i < 7; i++) {
      await responses.respond(workshop.id, 'w1-1', `answer ${i}`, { mode: 'token', tokenId: `t${i}` });
      counts.changed(workshop.id);
      now += 1_000;
      // A refresh after any arrival sees nothing new before the tick.
      expect(await counts.snapshot(workshop.id)).toEqual({});
    }
    expect(pushed).toHaveLength(0);
    now = 30_000;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(pushed).toHaveLength(1);
    expect(await counts.snapshot(workshop.id)).toEqual({
      'w1-1': { counted: { kind: 'at-least', value: 5 }, invitations: { kind: 'at-least', value: 5 }, code: { kind: 'below', k: 3 } },
    });
    counts.close();
    await responses.close();
  });
});
