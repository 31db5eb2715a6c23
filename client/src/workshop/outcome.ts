import { z } from 'zod';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../../../shared/limits.js';
import type { KeyValueStorage } from '../participant/receipts.js';

/**
 * Capturing the workshop's outcome (issue 5, item 7): themes that group responses, good practice
 * marks, notes on the child's lived experience, and draft learning points from the proposed lessons.
 * Responses are referred to by prompt and random slot only, never by anything about who wrote them.
 *
 * The server has no endpoint for the outcome yet, so it is kept in this browser tab's sessionStorage
 * (gone when the tab closes) and the screen says so. The schema is ready to move to shared/ for a
 * GET/PUT …/workshops/:wid/outcome endpoint.
 */

/** A response's key in the outcome: "promptId/slot". */
export function responseKey(promptId: string, slot: string): string {
  return `${promptId}/${slot}`;
}

/** The outcome of a workshop. */
export const OutcomeSchema = z.object({
  themes: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), title: z.string().max(MAX_LABEL_CHARS), notes: z.string().max(MAX_TEXT_CHARS) })).max(50),
  marks: z.record(z.string().max(80), z.object({ themeId: z.string().nullable(), goodPractice: z.boolean() })),
  livedExperience: z.string().max(MAX_TEXT_CHARS),
  /** Draft learning points by lesson id; "other" holds learning points that came from no single lesson. */
  learningPoints: z.record(z.string().max(40), z.string().max(MAX_TEXT_CHARS)),
});

/** The outcome of a workshop. */
export type Outcome = z.infer<typeof OutcomeSchema>;

/** Nothing captured yet. */
export const EMPTY_OUTCOME: Outcome = { themes: [], marks: {}, livedExperience: '', learningPoints: {} };

/** A change to the outcome. */
export type OutcomeAction =
  | { type: 'add-theme'; title: string }
  | { type: 'rename-theme'; id: string; title: string }
  | { type: 'theme-notes'; id: string; notes: string }
  | { type: 'remove-theme'; id: string }
  | { type: 'assign'; key: string; themeId: string | null }
  | { type: 'good-practice'; key: string; value: boolean }
  | { type: 'lived-experience'; text: string }
  | { type: 'learning-point'; lessonId: string; text: string };

type Mark = Outcome['marks'][string];

/** Sets one response's mark, dropping it when it says nothing. */
function withMark(o: Outcome, key: string, change: Partial<Mark>): Outcome {
  const mark = { themeId: null, goodPractice: false, ...o.marks[key], ...change };
  const { [key]: _old, ...rest } = o.marks;
  return { ...o, marks: mark.themeId === null && !mark.goodPractice ? rest : { ...rest, [key]: mark } };
}

/** Applies one change. */
export function outcomeReducer(o: Outcome, a: OutcomeAction): Outcome {
  switch (a.type) {
    case 'add-theme': {
      const title = a.title.trim();
      if (!title) return o;
      const used = new Set(o.themes.map((t) => t.id));
      let n = o.themes.length + 1;
      while (used.has(`theme-${n}`)) n++;
      return { ...o, themes: [...o.themes, { id: `theme-${n}`, title, notes: '' }] };
    }
    case 'rename-theme':
      return { ...o, themes: o.themes.map((t) => (t.id === a.id ? { ...t, title: a.title } : t)) };
    case 'theme-notes':
      return { ...o, themes: o.themes.map((t) => (t.id === a.id ? { ...t, notes: a.notes } : t)) };
    case 'remove-theme': {
      let next: Outcome = { ...o, themes: o.themes.filter((t) => t.id !== a.id) };
      for (const [key, m] of Object.entries(o.marks)) if (m.themeId === a.id) next = withMark(next, key, { themeId: null });
      return next;
    }
    case 'assign':
      return withMark(o, a.key, { themeId: a.themeId && o.themes.some((t) => t.id === a.themeId) ? a.themeId : null });
    case 'good-practice':
      return withMark(o, a.key, { goodPractice: a.value });
    case 'lived-experience':
      return { ...o, livedExperience: a.text };
    case 'learning-point':
      return { ...o, learningPoints: { ...o.learningPoints, [a.lessonId]: a.text } };
  }
}

/** The keys of the responses grouped under a theme. */
export function themeMembers(o: Outcome, themeId: string): string[] {
  return Object.entries(o.marks).filter(([, m]) => m.themeId === themeId).map(([k]) => k);
}

/** The keys of the responses marked as good practice. */
export function goodPractice(o: Outcome): string[] {
  return Object.entries(o.marks).filter(([, m]) => m.goodPractice).map(([k]) => k);
}

const key = (workshopId: string) => `rr.workshop.outcome.${workshopId}`;

/** The outcome kept in this tab, or an empty one. */
export function readOutcome(storage: KeyValueStorage | null, workshopId: string): Outcome {
  try {
    const raw = storage?.getItem(key(workshopId));
    const parsed = raw ? OutcomeSchema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : EMPTY_OUTCOME;
  } catch {
    return EMPTY_OUTCOME;
  }
}

/** Keeps the outcome in this tab; false when the browser refuses. */
export function writeOutcome(storage: KeyValueStorage | null, workshopId: string, o: Outcome): boolean {
  try {
    storage?.setItem(key(workshopId), JSON.stringify(o));
    return storage !== null;
  } catch {
    return false;
  }
}
