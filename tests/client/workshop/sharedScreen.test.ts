import { describe, expect, it } from 'vitest';
import { arrangePrompts, nowBanner, sharedPromptIds } from '../../../client/src/participant/participantState.js';
import type { ParticipantView } from '../../../client/src/participant/viewSchema.js';
import { FOLLOW, followedOpenPrompts, presentedReleases, type PresentedRelease } from '../../../client/src/workshop/presenterModel.js';

/** Issue 17 item 4: the "Now:" banner, the phone's worksheet order and the presenter's choice of answers. */

const base: ParticipantView = {
  title: 'Reflective Learning Workshop: Child T',
  stage: 'live',
  confidentiality: 'c',
  promise: 'p',
  agenda: [
    { id: 'item-1', time: '09:45', title: 'Registration' },
    { id: 'item-2', time: '10:15', title: 'Timeline' },
  ],
  currentItemId: 'item-1',
  showing: { kind: 'agenda' },
  phase: null,
  lessons: null,
  prompts: [],
};
const w1 = (n: number) => ({ id: `w1-${n}`, worksheet: 1 as const, label: `Worksheet 1, question ${n}`, text: 'q' });
const w2 = (id: string, n: number) => ({ id: `w2-${id}`, worksheet: 2 as const, label: `Phase ${n}: ${id}`, text: 'q' });
const w3 = { id: 'w3-l1', worksheet: 3 as const, label: 'Proposed lesson 1', text: 'q' };
const w4 = (n: number) => ({ id: `w4-${n}`, worksheet: 4 as const, label: `Worksheet 4, question ${n}`, text: 'q' });

describe('the "Now:" banner', () => {
  it('follows what is shared, with the agenda item beside it', () => {
    expect(nowBanner(base)).toEqual({ now: '09:45 Registration', item: null });
    const phase: ParticipantView = { ...base, showing: { kind: 'phase', phaseId: 'p1' }, phase: { id: 'p1', title: 'Pregnancy', rows: [] }, prompts: [w2('p1', 1)] };
    expect(nowBanner(phase)).toEqual({ now: 'Phase 1: p1', item: '09:45 Registration' });
    expect(nowBanner({ ...base, showing: { kind: 'lessons' } })?.now).toBe('Proposed lessons');
    expect(nowBanner({ ...base, showing: { kind: 'feedback' } })?.now).toBe('Feedback (worksheet 4)');
  });

  it('is absent before and after the meeting', () => {
    expect(nowBanner({ ...base, stage: 'open', currentItemId: null })).toBeNull();
    expect(nowBanner({ ...base, stage: 'closed' })).toBeNull();
  });
});

describe('the phone puts the current worksheet first', () => {
  it("shows the shared phase's question first and folds the earlier ones", () => {
    const v: ParticipantView = { ...base, showing: { kind: 'phase', phaseId: 'p2' }, prompts: [w2('p1', 1), w2('p2', 2)] };
    const { current, earlier } = arrangePrompts(v);
    expect(current?.prompts.map((p) => p.id)).toEqual(['w2-p2']);
    expect(earlier).toEqual([{ worksheet: 2, prompts: [w2('p1', 1)] }]);
  });

  it('with feedback open, worksheet 4 is current and worksheets 2 and 3 are earlier', () => {
    const v: ParticipantView = { ...base, showing: { kind: 'feedback' }, prompts: [w2('p1', 1), w3, w4(1), w4(2)] };
    const { current, earlier } = arrangePrompts(v);
    expect(current).toEqual({ worksheet: 4, prompts: [w4(1), w4(2)] });
    expect(earlier.map((g) => g.worksheet)).toEqual([2, 3]);
  });

  it('showing the agenda, the latest worksheet is current', () => {
    const { current, earlier } = arrangePrompts({ ...base, prompts: [w2('p1', 1), w3] });
    expect(current?.worksheet).toBe(3);
    expect(earlier.map((g) => g.worksheet)).toEqual([2]);
  });

  it('before the meeting worksheet 1 is current, and nothing open means nothing current', () => {
    expect(arrangePrompts({ ...base, stage: 'open', prompts: [w1(1), w1(2)] })).toEqual({ current: { worksheet: 1, prompts: [w1(1), w1(2)] }, earlier: [] });
    expect(arrangePrompts(base)).toEqual({ current: null, earlier: [] });
  });
});

describe("the presenter screen's answers", () => {
  const rel = (promptId: string, worksheet: 1 | 2 | 3 | 4): PresentedRelease => ({
    promptId,
    worksheet,
    label: promptId,
    text: '',
    releaseId: `r-${promptId}`,
    answers: ['a', 'b', 'c'],
  });
  const released = [rel('w1-1', 1), rel('w1-2', 1), rel('w2-p1', 2), rel('w3-l1', 3)];

  it('follow what is shared: the shared phase, the lessons, or worksheet 1 while the agenda shows', () => {
    expect(presentedReleases({ ...base, showing: { kind: 'phase', phaseId: 'p1' } }, released, FOLLOW).map((r) => r.promptId)).toEqual(['w2-p1']);
    expect(presentedReleases({ ...base, showing: { kind: 'phase', phaseId: 'p2' } }, released, FOLLOW)).toEqual([]);
    expect(presentedReleases({ ...base, showing: { kind: 'lessons' } }, released, FOLLOW).map((r) => r.promptId)).toEqual(['w3-l1']);
    expect(presentedReleases(base, released, FOLLOW).map((r) => r.promptId)).toEqual(['w1-1', 'w1-2']);
  });

  it('or show one chosen released question', () => {
    expect(presentedReleases(base, released, 'w2-p1').map((r) => r.promptId)).toEqual(['w2-p1']);
    expect(presentedReleases(base, released, 'w4-1')).toEqual([]);
  });

  it('counts only the open questions of what is shared', () => {
    const v: ParticipantView = { ...base, showing: { kind: 'phase', phaseId: 'p2' }, prompts: [w2('p1', 1), w2('p2', 2)] };
    expect(followedOpenPrompts(v).map((p) => p.id)).toEqual(['w2-p2']);
    expect(sharedPromptIds({ ...base, stage: 'closed' }, [w1(1)])).toEqual([]);
  });
});
