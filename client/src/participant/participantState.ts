import type { ParticipantView } from './viewSchema.js';

/**
 * The participant screen as a reducer: which step it is on (code, joining, confidentiality, the
 * workshop), the connection, and the sentence to announce when the facilitator changes what is shown.
 * Pure, so the rules for what a participant sees and hears are tested without a browser.
 */

/** Where the socket stands. */
export type Connection = 'connecting' | 'connected' | 'reconnecting';

/** The screen's state. */
export type ParticipantState = {
  /** The code this tab joined (or is joining) with; null until one is typed or remembered. */
  code: string | null;
  joining: boolean;
  joinError: string | null;
  accepted: boolean;
  view: ParticipantView | null;
  connection: Connection;
  /** The last change to announce, with a counter so the same sentence twice is still a change. */
  announcement: { text: string; seq: number };
};

/** What can happen to the screen. */
export type ParticipantEvent =
  | { type: 'join-start'; code: string | null }
  | { type: 'join-ok'; view: ParticipantView }
  | { type: 'join-failed'; message: string; forgetCode: boolean }
  | { type: 'accept' }
  | { type: 'view'; view: ParticipantView }
  | { type: 'connection'; connection: Connection };

/** The step to show. */
export type Step = 'code' | 'joining' | 'statement' | 'workshop';

/** The first state: a remembered code (from this tab) joins without asking again. */
export function initialState(remembered: { code: string | null; accepted: boolean } | null): ParticipantState {
  return {
    code: remembered?.code ?? null,
    joining: remembered !== null,
    joinError: null,
    accepted: remembered?.accepted ?? false,
    view: null,
    connection: 'connecting',
    announcement: { text: '', seq: 0 },
  };
}

/** The step a state shows. */
export function stepOf(s: ParticipantState): Step {
  if (s.view) return s.accepted ? 'workshop' : 'statement';
  return s.joining ? 'joining' : 'code';
}

/** Applies one event. */
export function participantReducer(s: ParticipantState, e: ParticipantEvent): ParticipantState {
  switch (e.type) {
    case 'join-start':
      return { ...s, code: e.code, joining: true, joinError: null };
    case 'join-ok': {
      // A re-join after a reconnect also lands here: say what changed while the screen was away.
      const text = s.view ? describeChange(s.view, e.view) : '';
      return { ...s, joining: false, joinError: null, view: e.view, announcement: text ? { text, seq: s.announcement.seq + 1 } : s.announcement };
    }
    case 'join-failed':
      return { ...s, joining: false, joinError: e.message, code: e.forgetCode ? null : s.code, view: e.forgetCode ? null : s.view };
    case 'accept':
      return { ...s, accepted: true };
    case 'view': {
      if (!s.view) return s; // views only follow a join; a stray one before it is ignored
      const text = describeChange(s.view, e.view);
      return { ...s, view: e.view, announcement: text ? { text, seq: s.announcement.seq + 1 } : s.announcement };
    }
    case 'connection':
      return { ...s, connection: e.connection };
  }
}

/** The number and title of a shared phase, as its worksheet 2 prompt labels it ("Phase 2: Early years"). */
export function phaseHeading(view: ScreenView): string | null {
  if (!view.phase) return null;
  return view.prompts.find((p) => p.id === `w2-${view.phase!.id}`)?.label ?? `Timeline phase: ${view.phase.title}`;
}

/** The agenda item running now, or null before the meeting. */
export function currentItem(view: ScreenView): ParticipantView['agenda'][number] | null {
  return view.agenda.find((a) => a.id === view.currentItemId) ?? null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One or two plain sentences saying what changed between two views, for a polite live region:
 * the stage, the current agenda item, what is being shown, and newly opened questions. Empty when
 * nothing a participant needs to hear about changed.
 */
export function describeChange(prev: ParticipantView, next: ParticipantView): string {
  const parts: string[] = [];
  if (next.stage !== prev.stage) {
    if (next.stage === 'closed') return 'The workshop has closed. Thank you for taking part.';
    if (next.stage === 'live') parts.push('The meeting has started.');
  }
  const item = currentItem(next);
  if (item && next.currentItemId !== prev.currentItemId) parts.push(`Now: ${item.title}.`);
  const showingChanged =
    next.showing.kind !== prev.showing.kind || (next.showing.kind === 'phase' && prev.showing.kind === 'phase' && next.showing.phaseId !== prev.showing.phaseId);
  if (showingChanged) {
    if (next.showing.kind === 'phase') parts.push(`The lead reviewer is sharing ${phaseHeading(next) ?? 'a timeline phase'}.`);
    if (next.showing.kind === 'lessons') parts.push('The lead reviewer is sharing the proposed lessons.');
    if (next.showing.kind === 'feedback') parts.push('Feedback (worksheet 4) is open.');
    if (next.showing.kind === 'agenda' && next.stage !== 'closed') parts.push('The lead reviewer is showing the agenda.');
  }
  const before = new Set(prev.prompts.map((p) => p.id));
  const opened = next.prompts.filter((p) => !before.has(p.id)).length;
  const closed = prev.prompts.filter((p) => !next.prompts.some((q) => q.id === p.id)).length;
  if (opened > 0) parts.push(`${plural(opened, 'new question is', 'new questions are')} open.`);
  if (closed > 0 && opened === 0) parts.push(`${plural(closed, 'question has', 'questions have')} closed.`);
  return parts.join(' ');
}

/** The open questions grouped by worksheet, in worksheet order. */
export function promptsByWorksheet(view: ScreenView): { worksheet: 1 | 2 | 3 | 4; prompts: ParticipantView['prompts'] }[] {
  const groups: { worksheet: 1 | 2 | 3 | 4; prompts: ParticipantView['prompts'] }[] = [];
  for (const w of [1, 2, 3, 4] as const) {
    const prompts = view.prompts.filter((p) => p.worksheet === w);
    if (prompts.length > 0) groups.push({ worksheet: w, prompts });
  }
  return groups;
}

/** Headings for the worksheets (Document 18a). */
export const WORKSHEET_TITLES: Record<1 | 2 | 3 | 4, string> = {
  1: 'Worksheet 1: before the meeting',
  2: 'Worksheet 2: responses to the timeline',
  3: 'Worksheet 3: responses to the proposed lessons',
  4: 'Worksheet 4: feedback on the workshop',
};

/** What a shared screen (participant or presenter) is given: the participant view without the statement. */
export type ScreenView = Omit<ParticipantView, 'confidentiality' | 'promise'>;

/**
 * The "Now:" banner: what the lead reviewer is sharing (a phase, the lessons, feedback), else the
 * current agenda item; `item` is the agenda item beside a shared thing. Null before the meeting.
 */
export function nowBanner(view: ScreenView): { now: string; item: string | null } | null {
  if (view.stage !== 'live') return null;
  const current = currentItem(view);
  const itemText = current ? `${current.time} ${current.title}` : null;
  switch (view.showing.kind) {
    case 'phase':
      return { now: phaseHeading(view) ?? 'A timeline phase', item: itemText };
    case 'lessons':
      return { now: 'Proposed lessons', item: itemText };
    case 'feedback':
      return { now: 'Feedback (worksheet 4)', item: itemText };
    case 'agenda':
      return itemText ? { now: itemText, item: null } : null;
  }
}

/** The questions that belong to what is shared now: the shared phase's, the lessons', feedback's, or worksheet 1 before the meeting. */
export function sharedPromptIds(view: ScreenView, ids: readonly { id: string; worksheet: 1 | 2 | 3 | 4 }[]): string[] {
  const s = view.showing;
  if (view.stage === 'open') return ids.filter((p) => p.worksheet === 1).map((p) => p.id);
  if (view.stage !== 'live') return [];
  switch (s.kind) {
    case 'phase':
      return ids.filter((p) => p.id === `w2-${s.phaseId}`).map((p) => p.id);
    case 'lessons':
      return ids.filter((p) => p.worksheet === 3).map((p) => p.id);
    case 'feedback':
      return ids.filter((p) => p.worksheet === 4).map((p) => p.id);
    case 'agenda':
      return [];
  }
}

/**
 * The open questions as a phone shows them: the current ones first (those of what is shared, else the
 * latest worksheet's), and the earlier ones apart, grouped by worksheet, to be folded away, so
 * nobody answers an old prompt by mistake.
 */
export function arrangePrompts(view: ScreenView): {
  current: { worksheet: 1 | 2 | 3 | 4; prompts: ParticipantView['prompts'] } | null;
  earlier: { worksheet: 1 | 2 | 3 | 4; prompts: ParticipantView['prompts'] }[];
} {
  const groups = promptsByWorksheet(view);
  if (groups.length === 0) return { current: null, earlier: [] };
  const shared = new Set(sharedPromptIds(view, view.prompts));
  const tied = view.prompts.filter((p) => shared.has(p.id));
  const current = tied.length > 0 ? { worksheet: tied[0]!.worksheet, prompts: tied } : groups[groups.length - 1]!;
  const inCurrent = new Set(current.prompts.map((p) => p.id));
  const earlier = groups.map((g) => ({ ...g, prompts: g.prompts.filter((p) => !inCurrent.has(p.id)) })).filter((g) => g.prompts.length > 0);
  return { current, earlier };
}
