import { describe, expect, it } from 'vitest';
import {
  describeChange,
  initialState,
  participantReducer,
  phaseHeading,
  promptsByWorksheet,
  stepOf,
  type ParticipantState,
} from '../../../client/src/participant/participantState.js';
import { ParticipantViewSchema, type ParticipantView } from '../../../client/src/participant/viewSchema.js';

const base: ParticipantView = {
  title: 'Reflective Learning Workshop: Child T',
  stage: 'open',
  confidentiality: 'Keep it confidential.',
  promise: 'Anonymous.',
  agenda: [
    { id: 'item-1', time: '10:00', title: 'Welcome' },
    { id: 'item-2', time: '10:05', title: 'Purpose' },
  ],
  currentItemId: null,
  showing: { kind: 'agenda' },
  phase: null,
  lessons: null,
  prompts: [{ id: 'w1-1', worksheet: 1, label: 'Worksheet 1, question 1', text: 'What was your role?' }],
};
const live: ParticipantView = { ...base, stage: 'live', currentItemId: 'item-1', prompts: [] };
const phase2: ParticipantView = {
  ...live,
  showing: { kind: 'phase', phaseId: 'p2' },
  phase: { id: 'p2', title: 'Early years', rows: [] },
  prompts: [
    { id: 'w2-p1', worksheet: 2, label: 'Phase 1: Pregnancy', text: 'Notes?' },
    { id: 'w2-p2', worksheet: 2, label: 'Phase 2: Early years', text: 'Notes?' },
  ],
};

const run = (s: ParticipantState, ...events: Parameters<typeof participantReducer>[1][]) => events.reduce(participantReducer, s);

describe('participant steps', () => {
  it('asks for the code, then the confidentiality statement, then shows the workshop', () => {
    let s = initialState(null);
    expect(stepOf(s)).toBe('code');
    s = run(s, { type: 'join-start', code: 'K7M3QP' });
    expect(stepOf(s)).toBe('joining');
    s = run(s, { type: 'join-ok', view: base });
    expect(stepOf(s)).toBe('statement');
    s = run(s, { type: 'accept' });
    expect(stepOf(s)).toBe('workshop');
  });

  it("rejoins straight into the workshop from this tab's memory, without asking again", () => {
    const s = initialState({ code: 'K7M3QP', accepted: true });
    expect(stepOf(s)).toBe('joining');
    expect(stepOf(run(s, { type: 'join-ok', view: base }))).toBe('workshop');
  });

  it('goes back to the code form with the message when the code is wrong, but keeps a good code through a slow attempt', () => {
    const wrong = run(initialState(null), { type: 'join-start', code: 'AAAAAA' }, { type: 'join-failed', message: 'That code is not right.', forgetCode: true });
    expect(stepOf(wrong)).toBe('code');
    expect(wrong.joinError).toBe('That code is not right.');
    expect(wrong.code).toBeNull();
    const slow = run(
      initialState(null),
      { type: 'join-start', code: 'K7M3QP' },
      { type: 'join-ok', view: base },
      { type: 'accept' },
      { type: 'join-failed', message: 'Too slow', forgetCode: false },
    );
    expect(stepOf(slow)).toBe('workshop');
    expect(slow.code).toBe('K7M3QP');
  });

  it('ignores a view that arrives before any join', () => {
    const s = initialState(null);
    expect(run(s, { type: 'view', view: base })).toBe(s);
  });
});

describe('announcements', () => {
  it('announces the start, the current item, a shared phase by number and newly opened questions', () => {
    expect(describeChange(base, live)).toBe('The meeting has started. Now: Welcome. 1 question has closed.');
    expect(describeChange(live, phase2)).toBe('The lead reviewer is sharing Phase 2: Early years. 2 new questions are open.');
    expect(describeChange(live, { ...live, currentItemId: 'item-2' })).toBe('Now: Purpose.');
    expect(describeChange(phase2, { ...phase2, showing: { kind: 'lessons' }, lessons: [{ id: 'l1', text: 'L' }] })).toBe('The lead reviewer is sharing the proposed lessons.');
  });

  it('announces the close on its own, and nothing when nothing changed', () => {
    expect(describeChange(phase2, { ...phase2, stage: 'closed', showing: { kind: 'agenda' }, prompts: [] })).toBe('The workshop has closed. Thank you for taking part.');
    expect(describeChange(phase2, phase2)).toBe('');
  });

  it('counts announcements so a repeated sentence is still a change', () => {
    let s = run(initialState(null), { type: 'join-start', code: 'K7M3QP' }, { type: 'join-ok', view: live }, { type: 'accept' });
    s = run(s, { type: 'view', view: { ...live, currentItemId: 'item-2' } });
    expect(s.announcement).toEqual({ text: 'Now: Purpose.', seq: 1 });
    s = run(s, { type: 'view', view: live }, { type: 'view', view: { ...live, currentItemId: 'item-2' } });
    expect(s.announcement).toEqual({ text: 'Now: Purpose.', seq: 3 });
    // A re-join after a reconnect says what changed while the screen was away.
    s = run(s, { type: 'join-ok', view: phase2 });
    expect(s.announcement.text).toMatch(/^Now: Welcome\. The lead reviewer is sharing Phase 2/);
  });
});

describe('view helpers', () => {
  it('names the shared phase by its number, and groups questions by worksheet in order', () => {
    expect(phaseHeading(phase2)).toBe('Phase 2: Early years');
    expect(phaseHeading(live)).toBeNull();
    const mixed: ParticipantView = { ...phase2, prompts: [{ id: 'w4-1', worksheet: 4, label: 'W4', text: '' }, ...phase2.prompts] };
    expect(promptsByWorksheet(mixed).map((g) => [g.worksheet, g.prompts.length])).toEqual([
      [2, 2],
      [4, 1],
    ]);
  });

  it('checks the view the server sends, and never uses a colour that is not a plain hex value', () => {
    const row = { date: '14/03/2019', agencyCode: 'POL', agencyName: 'Police', colour: 'url(javascript:x)', event: 'Mother called police' };
    const parsed = ParticipantViewSchema.parse({ ...phase2, phase: { id: 'p2', title: 'Early years', rows: [row] } });
    expect(parsed.phase!.rows[0]!.colour).toBe('#e3e3e3');
    expect(ParticipantViewSchema.safeParse({ ...base, stage: 'paused' }).success).toBe(false);
  });
});
