import { randomInt } from 'node:crypto';
import { newId } from '../../shared/ids.js';
import { JOIN_CODE_ALPHABET } from '../../shared/workshop/anonymity.js';
import { EMPTY_OUTCOME } from '../../shared/workshop/outcome.js';
import { defaultSetup, INITIAL_STATE, type Workshop } from '../../shared/workshop/workshop.js';
import type { RecordStore } from '../storage/types.js';

/** A random six-character join code from an alphabet without look-alike characters. */
export function newJoinCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return s;
}

/** Creates a workshop for a review, prefilled from Documents 18 and 18a, in draft. */
export async function createWorkshop(deps: { records: RecordStore }, reviewId: string, actorId: string, dateIso: string): Promise<Workshop> {
  const w: Workshop = {
    id: newId(),
    reviewId,
    setup: defaultSetup(dateIso),
    state: INITIAL_STATE,
    joinCode: newJoinCode(),
    responsesExist: false,
    createdBy: actorId,
    attendance: [],
    outcome: EMPTY_OUTCOME,
    outcomeVersion: 0,
    codeJoining: false,
    invitations: [],
  };
  await deps.records.put('workshops', w);
  return w;
}
