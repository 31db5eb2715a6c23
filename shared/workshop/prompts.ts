import type { WorkshopSetup, WorkshopState } from './workshop.js';

/** One question participants can answer, with the worksheet it belongs to. */
export type Prompt = { id: string; worksheet: 1 | 2 | 3 | 4; label: string; text: string };

/** Every prompt of a workshop: worksheet 1 and 4 questions, one worksheet 2 prompt per phase, one worksheet 3 prompt per lesson. */
export function allPrompts(setup: WorkshopSetup): Prompt[] {
  return [
    ...setup.worksheets.w1.map((text, i) => ({ id: `w1-${i + 1}`, worksheet: 1 as const, label: `Worksheet 1, question ${i + 1}`, text })),
    ...setup.phases.map((p, i) => ({ id: `w2-${p.id}`, worksheet: 2 as const, label: `Phase ${i + 1}: ${p.title}`, text: setup.worksheets.w2 })),
    ...setup.lessons.map((l, i) => ({ id: `w3-${l.id}`, worksheet: 3 as const, label: `Proposed lesson ${i + 1}`, text: `${l.text}\n\n${setup.worksheets.w3}` })),
    ...setup.worksheets.w4.map((text, i) => ({ id: `w4-${i + 1}`, worksheet: 4 as const, label: `Worksheet 4, question ${i + 1}`, text })),
  ];
}

/**
 * The prompts open for answers now. Worksheet 1 is open from publication until the meeting starts, so
 * it captures thinking before the group's; in the meeting, each shared phase opens its worksheet 2
 * prompt, sharing the lessons opens worksheet 3, and the close opens worksheet 4. Earlier meeting
 * prompts stay open, because the toolkit gives time at the end to finish answering.
 */
export function openPromptIds(setup: WorkshopSetup, state: WorkshopState): Set<string> {
  const open = new Set<string>();
  if (state.stage === 'open')
    setup.worksheets.w1.forEach((_, i) => {
      open.add(`w1-${i + 1}`);
    });
  if (state.stage === 'live') {
    for (const id of state.sharedPhaseIds) open.add(`w2-${id}`);
    if (state.lessonsShared)
      setup.lessons.forEach((l) => {
        open.add(`w3-${l.id}`);
      });
    if (state.feedbackOpen)
      setup.worksheets.w4.forEach((_, i) => {
        open.add(`w4-${i + 1}`);
      });
  }
  return open;
}
