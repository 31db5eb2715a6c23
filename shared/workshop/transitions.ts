import { z } from 'zod';
import type { WorkshopSetup, WorkshopState } from './workshop.js';

/** What the facilitator can do to the live state. */
export const ControlSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('publish') }),
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('go-to-item'), itemId: z.string().max(40) }),
  z.strictObject({ action: z.literal('share-phase'), phaseId: z.string().max(40) }),
  z.strictObject({ action: z.literal('share-lessons') }),
  z.strictObject({ action: z.literal('show-agenda') }),
  z.strictObject({ action: z.literal('open-feedback') }),
  z.strictObject({ action: z.literal('close') }),
]);

/** A facilitator control action. */
export type Control = z.infer<typeof ControlSchema>;

/** The result of applying a control: the new state, or why it is not allowed now. */
export type ControlResult = { ok: true; state: WorkshopState } | { ok: false; reason: string };

/**
 * The workshop's state machine: draft → open (published; worksheet 1 open) → live (meeting started;
 * worksheet 1 closes) → closed. Sharing a phase or the lessons, moving through the agenda and opening
 * feedback only happen live. `nowMinute` is the current time to the minute (for the item timer).
 */
export function applyControl(setup: WorkshopSetup, state: WorkshopState, c: Control, nowMinute: string): ControlResult {
  const no = (reason: string): ControlResult => ({ ok: false, reason });
  if (state.stage === 'closed') return no('The workshop has closed.');
  switch (c.action) {
    case 'publish':
      return state.stage === 'draft' ? { ok: true, state: { ...state, stage: 'open' } } : no('The workshop is already published.');
    case 'start':
      if (state.stage === 'live') return no('The meeting has already started.');
      return { ok: true, state: { ...state, stage: 'live', currentItemId: setup.agenda[0]!.id, itemStartedAt: nowMinute, showing: { kind: 'agenda' } } };
  }
  if (state.stage !== 'live') return no('Start the meeting first.');
  switch (c.action) {
    case 'go-to-item':
      if (!setup.agenda.some((a) => a.id === c.itemId)) return no('There is no such agenda item.');
      return { ok: true, state: { ...state, currentItemId: c.itemId, itemStartedAt: nowMinute } };
    case 'share-phase':
      if (!setup.phases.some((p) => p.id === c.phaseId)) return no('There is no such phase.');
      return { ok: true, state: { ...state, showing: { kind: 'phase', phaseId: c.phaseId }, sharedPhaseIds: [...new Set([...state.sharedPhaseIds, c.phaseId])] } };
    case 'share-lessons':
      if (setup.lessons.length === 0) return no('Add the proposed lessons first.');
      return { ok: true, state: { ...state, showing: { kind: 'lessons' }, lessonsShared: true } };
    case 'show-agenda':
      return { ok: true, state: { ...state, showing: { kind: 'agenda' } } };
    case 'open-feedback':
      return { ok: true, state: { ...state, showing: { kind: 'feedback' }, feedbackOpen: true } };
    case 'close':
      return { ok: true, state: { ...state, stage: 'closed', showing: { kind: 'agenda' } } };
  }
}

/**
 * Checks a set-up change. Once any response exists, the threshold k can only go up, and phases,
 * lessons and prompts that responses hang from cannot be removed, so anonymity is never weakened and
 * no response is orphaned.
 */
export function checkSetupChange(before: WorkshopSetup, after: WorkshopSetup, responsesExist: boolean): string | null {
  if (!responsesExist) return null;
  if (after.k < before.k) return 'Responses exist, so the anonymity threshold can only be raised.';
  const ids = (s: WorkshopSetup) => new Set([...s.phases.map((p) => p.id), ...s.lessons.map((l) => l.id)]);
  const kept = ids(after);
  if ([...ids(before)].some((id) => !kept.has(id))) return 'Responses exist, so phases and lessons cannot be removed.';
  // Worksheet 1 and 4 questions are identified by position, so once answers exist the existing
  // questions must stay exactly as they were: otherwise an answer would sit under a different question.
  const same = (a: string[], b: string[]) => a.every((q, i) => b[i] === q);
  if (!same(before.worksheets.w1, after.worksheets.w1) || !same(before.worksheets.w4, after.worksheets.w4)) {
    return 'Responses exist, so existing worksheet questions cannot be changed or removed; new questions can be added at the end.';
  }
  return null;
}
