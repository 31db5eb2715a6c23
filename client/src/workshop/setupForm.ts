import { formatUkDate, parseUkDate } from '../../../shared/dates.js';
import { checkSetupChange } from '../../../shared/workshop/transitions.js';
import { MIN_K, WorkshopSetupSchema, type WorkshopSetup } from '../../../shared/workshop/workshop.js';
import type { FormError } from '../components/ErrorSummary.js';

/**
 * The set-up form's state (text as typed: dates DD/MM/YYYY, times HH:MM) and its conversion to and
 * from the shared WorkshopSetup. Pure, so every message and rule here is unit-tested; the server
 * checks the same set-up again with the same shared schema and rule.
 */

/** The set-up as the form edits it. */
export type SetupForm = {
  date: string;
  startTime: string;
  agenda: { id: string; time: string; title: string; lead: string }[];
  phases: { id: string; title: string; start: string; end: string }[];
  lessons: { id: string; text: string }[];
  w1: string[];
  w2: string;
  w3: string;
  w4: string[];
  k: string;
};

/** The form for a saved set-up. */
export function formFromSetup(s: WorkshopSetup): SetupForm {
  return {
    date: formatUkDate(s.date),
    startTime: s.startTime,
    agenda: s.agenda.map((a) => ({ ...a })),
    phases: s.phases.map((p) => ({ id: p.id, title: p.title, start: formatUkDate(p.start), end: formatUkDate(p.end) })),
    lessons: s.lessons.map((l) => ({ ...l })),
    w1: [...s.worksheets.w1],
    w2: s.worksheets.w2,
    w3: s.worksheets.w3,
    w4: [...s.worksheets.w4],
    k: String(s.k),
  };
}

/** A time typed as H:MM or HH:MM, as HH:MM; null when it is not a time of day. */
export function parseTime(input: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(input.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
}

/** The smallest k the form may save: the minimum, or the saved k once responses exist (it can only go up). */
export function minimumK(saved: WorkshopSetup, responsesExist: boolean): number {
  return responsesExist ? Math.max(MIN_K, saved.k) : MIN_K;
}

/**
 * Reads the form into a set-up, or lists every problem with the id of the field to fix. `saved` and
 * `responsesExist` apply the shared rule that protects anonymity and answers once responses exist.
 */
export function setupFromForm(f: SetupForm, saved: WorkshopSetup, responsesExist: boolean): { ok: true; setup: WorkshopSetup } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const err = (fieldId: string | null, message: string) => errors.push({ fieldId, message });

  const date = parseUkDate(f.date);
  if (!date) err('setup-date', 'Enter the date of the workshop as DD/MM/YYYY, for example 01/12/2026');
  const startTime = parseTime(f.startTime);
  if (!startTime) err('setup-time', 'Enter the start time as HH:MM, for example 10:00');

  if (f.agenda.length === 0) err('agenda-add', 'Add at least one agenda item');
  const agenda = f.agenda.map((a, i) => {
    const time = parseTime(a.time);
    if (!time) err(`agenda-${i}-time`, `Agenda item ${i + 1}: enter the time as HH:MM`);
    if (!a.title.trim()) err(`agenda-${i}-title`, `Agenda item ${i + 1}: enter what the item is`);
    return { id: a.id, time: time ?? a.time, title: a.title.trim(), lead: a.lead.trim() };
  });

  const phases = f.phases.map((p, i) => {
    const start = parseUkDate(p.start);
    const end = parseUkDate(p.end);
    if (!p.title.trim()) err(`phase-${i}-title`, `Phase ${i + 1}: enter a title`);
    if (!start) err(`phase-${i}-start`, `Phase ${i + 1}: enter the first day as DD/MM/YYYY`);
    if (!end) err(`phase-${i}-end`, `Phase ${i + 1}: enter the last day as DD/MM/YYYY`);
    if (start && end && start > end) err(`phase-${i}-end`, `Phase ${i + 1}: the last day must be on or after the first day`);
    return { id: p.id, title: p.title.trim(), start: start ?? '', end: end ?? '' };
  });

  const lessons = f.lessons.map((l, i) => {
    if (!l.text.trim()) err(`lesson-${i}`, `Proposed lesson ${i + 1}: enter the lesson, or remove it`);
    return { id: l.id, text: l.text.trim() };
  });

  const questions = (list: string[], prefix: 'w1' | 'w4', n: 1 | 4) => {
    if (list.length === 0) err(`${prefix}-add`, `Worksheet ${n}: add at least one question`);
    return list.map((q, i) => {
      if (!q.trim()) err(`${prefix}-${i}`, `Worksheet ${n}, question ${i + 1}: enter the question, or remove it`);
      return q.trim();
    });
  };
  const w1 = questions(f.w1, 'w1', 1);
  const w4 = questions(f.w4, 'w4', 4);
  if (!f.w2.trim()) err('w2', 'Worksheet 2: enter the prompt shown beside each phase');
  if (!f.w3.trim()) err('w3', 'Worksheet 3: enter the prompt shown with each lesson');

  const minK = minimumK(saved, responsesExist);
  const k = /^\d{1,2}$/.test(f.k.trim()) ? Number(f.k.trim()) : NaN;
  if (!Number.isInteger(k) || k < minK || k > 50) {
    err(
      'setup-k',
      responsesExist && minK > MIN_K
        ? `Anonymity threshold: responses exist, so it can only stay at ${minK} or go up (at most 50)`
        : `Anonymity threshold: enter a whole number from ${minK} to 50`,
    );
  }
  if (errors.length > 0) return { ok: false, errors };

  const candidate = {
    date: date!,
    startTime: startTime!,
    agenda,
    phases,
    lessons,
    worksheets: { w1, w2: f.w2.trim(), w3: f.w3.trim(), w4 },
    k,
  };
  const parsed = WorkshopSetupSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ fieldId: null, message: `${i.path.join(' ') || 'Set-up'}: ${i.message}` })) };
  }
  const locked = checkSetupChange(saved, parsed.data, responsesExist);
  if (locked) return { ok: false, errors: [{ fieldId: null, message: locked }] };
  return { ok: true, setup: parsed.data };
}

/** A new slug id "prefix-N" not yet used in `existing` (ids must match [a-z0-9-]{1,40}). */
export function nextId(prefix: string, existing: readonly { id: string }[]): string {
  const used = new Set(existing.map((e) => e.id));
  let n = existing.length + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** The list with the item at `index` moved by `delta` places (unchanged when that would leave the list). */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** True when the form says something different from the saved set-up. */
export function isDirty(f: SetupForm, saved: WorkshopSetup): boolean {
  return JSON.stringify(f) !== JSON.stringify(formFromSetup(saved));
}

/**
 * Which phases, lessons and worksheet questions cannot be removed: once responses exist, anything
 * answers hang from stays (the server refuses too).
 */
export function lockedItems(saved: WorkshopSetup, responsesExist: boolean): { ids: Set<string>; w1: number; w4: number } {
  if (!responsesExist) return { ids: new Set(), w1: 0, w4: 0 };
  return {
    ids: new Set([...saved.phases.map((p) => p.id), ...saved.lessons.map((l) => l.id)]),
    w1: saved.worksheets.w1.length,
    w4: saved.worksheets.w4.length,
  };
}
