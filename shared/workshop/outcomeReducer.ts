import type { Mark, Outcome } from './outcome.js';

/** A change to the outcome, as the facilitator's screen makes it. */
export type OutcomeAction =
  | { type: 'replace'; outcome: Outcome }
  | { type: 'add-theme'; title: string }
  | { type: 'rename-theme'; id: string; title: string }
  | { type: 'theme-notes'; id: string; notes: string }
  | { type: 'remove-theme'; id: string }
  | { type: 'assign'; key: string; themeId: string | null }
  | { type: 'good-practice'; key: string; value: boolean }
  | { type: 'forget-response'; key: string }
  | { type: 'good-practice-notes'; text: string }
  | { type: 'lived-experience'; text: string }
  | { type: 'learning-point'; lessonId: string; text: string };

/** Sets one response's mark, dropping it when it says nothing. */
function withMark(o: Outcome, key: string, change: Partial<Mark>): Outcome {
  const before: Mark = o.marks[key] ?? { themeId: null, goodPractice: false };
  const mark = { ...before, ...change };
  const { [key]: _old, ...rest } = o.marks;
  return { ...o, marks: mark.themeId === null && !mark.goodPractice ? rest : { ...rest, [key]: mark } };
}

/**
 * The id for a new theme: one more than the highest held, so it never collides with a theme in use.
 * Removing a theme frees its responses first, so a later theme given the same id inherits nothing.
 */
function nextThemeId(o: Outcome): string {
  const highest = Math.max(0, ...o.themes.map((t) => Number(/^theme-(\d{1,6})$/.exec(t.id)?.[1] ?? 0)));
  return `theme-${highest + 1}`;
}

/**
 * Applies one change. Pure, so the screen and the tests share it. Every result satisfies
 * OutcomeSchema's cross-checks: a mark only ever names an existing theme, and removing a theme
 * frees its responses (their good-practice marks stay).
 */
export function outcomeReducer(o: Outcome, a: OutcomeAction): Outcome {
  switch (a.type) {
    case 'replace':
      return a.outcome;
    case 'add-theme': {
      const title = a.title.trim();
      if (!title) return o;
      return { ...o, themes: [...o.themes, { id: nextThemeId(o), title, notes: '' }] };
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
    case 'forget-response':
      return withMark(o, a.key, { themeId: null, goodPractice: false });
    case 'good-practice-notes':
      return { ...o, goodPracticeNotes: a.text };
    case 'lived-experience':
      return { ...o, livedExperience: a.text };
    case 'learning-point':
      return { ...o, learningPoints: { ...o.learningPoints, [a.lessonId]: a.text } };
  }
}
