import { z } from 'zod';
import { safeString } from '../text.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';

/**
 * The workshop's outcome (issue 5, item 7): themes that group responses, good-practice marks, notes on
 * the child's lived experience, and draft learning points from the proposed lessons. It is stored on
 * the workshop record for the report export.
 *
 * Responses are referred to by prompt id and their id in the prompt's current release only: 96 random
 * bits that a new release replaces (server/workshop/ResponseStore.ts), so nothing ties an answer across
 * two releases. When a prompt is released again, the server moves the marks onto the new ids
 * (remapMarks), so the outcome stays consistent without the screen ever seeing the link.
 */

/** Most themes an outcome holds; a workshop yields a handful, this is a guard against abuse. */
export const MAX_OUTCOME_THEMES = 30;

/** Most marked responses an outcome holds: more than 300 participants answering three prompts each. */
export const MAX_OUTCOME_MARKS = 1_000;

/** Most draft learning points: one per proposed lesson (at most 30) plus "other". */
export const MAX_OUTCOME_LEARNING_POINTS = 31;

/** The learning-points key for learning points that came from no single lesson. */
export const OTHER_LEARNING_POINTS = 'other';

const Slug = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** A response's key in the outcome: "promptId/slot", where slot is the response store's 24 hex digits. */
export const ResponseKeySchema = z.string().regex(/^w[1-4]-[a-z0-9-]{1,40}\/[a-f0-9]{24}$/);

/** The key of one response: its prompt and random slot, never anything about its author. */
export function responseKey(promptId: string, slot: string): string {
  return `${promptId}/${slot}`;
}

/** The prompt and slot of a response key. */
export function splitResponseKey(key: string): { promptId: string; slot: string } {
  const at = key.lastIndexOf('/');
  return { promptId: key.slice(0, at), slot: key.slice(at + 1) };
}

/** What the facilitator has noted about one response: the theme it is grouped under, and whether it shows good practice. */
export const MarkSchema = z.strictObject({ themeId: Slug.nullable(), goodPractice: z.boolean() });

/** The outcome of a workshop. A mark must name a theme the outcome holds (or none); theme ids are unique. */
export const OutcomeSchema = z
  .strictObject({
    /** Titles may be blank while being typed; the screens show "Theme N" for them. */
    themes: z.array(z.strictObject({ id: Slug, title: safeString().max(MAX_LABEL_CHARS), notes: safeString().max(MAX_TEXT_CHARS) })).max(MAX_OUTCOME_THEMES),
    marks: z.record(ResponseKeySchema, MarkSchema).refine((m) => Object.keys(m).length <= MAX_OUTCOME_MARKS, `at most ${MAX_OUTCOME_MARKS} responses can be marked`),
    /** The facilitator's own notes on good practice, beside the responses marked as good practice. */
    goodPracticeNotes: safeString().max(MAX_TEXT_CHARS),
    livedExperience: safeString().max(MAX_TEXT_CHARS),
    /** Draft learning points by lesson id; OTHER_LEARNING_POINTS holds those that came from no single lesson. */
    learningPoints: z
      .record(Slug, safeString().max(MAX_TEXT_CHARS))
      .refine((m) => Object.keys(m).length <= MAX_OUTCOME_LEARNING_POINTS, `at most ${MAX_OUTCOME_LEARNING_POINTS} learning points`),
  })
  .superRefine((o, ctx) => {
    const ids = new Set<string>();
    o.themes.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: 'is used by another theme' });
      ids.add(t.id);
    });
    for (const [key, m] of Object.entries(o.marks)) {
      if (m.themeId !== null && !ids.has(m.themeId)) ctx.addIssue({ code: 'custom', path: ['marks', key, 'themeId'], message: 'is not one of the outcome’s themes' });
    }
  });

/** The outcome of a workshop. */
export type Outcome = z.infer<typeof OutcomeSchema>;

/** One response's mark. */
export type Mark = z.infer<typeof MarkSchema>;

/** Nothing captured yet. */
export const EMPTY_OUTCOME: Outcome = { themes: [], marks: {}, goodPracticeNotes: '', livedExperience: '', learningPoints: {} };

/** The outcome notes as the first server version stored them, before responses could be marked. */
const LegacyOutcomeSchema = z.object({
  themes: z.array(z.object({ id: z.string(), title: z.string(), notes: z.string() })),
  goodPractice: z.string(),
  livedExperience: z.string(),
  learningPoints: z.array(z.object({ text: z.string(), lessonId: z.string().nullable() })),
});

/**
 * Brings a stored outcome to the current shape: a record without one gets the empty outcome, and the
 * first version's outcome (themes of whole prompts, good practice as one text, learning points as a
 * list) keeps its titles, notes and texts. Whole-prompt theme links cannot become response marks and
 * are dropped. Anything else is passed on for the schema to judge.
 */
export function upgradeOutcome(stored: unknown): unknown {
  if (stored === undefined || stored === null) return EMPTY_OUTCOME;
  const legacy = LegacyOutcomeSchema.safeParse(stored);
  if (!legacy.success || 'marks' in (stored as object)) return stored;
  const learningPoints: Record<string, string> = {};
  for (const lp of legacy.data.learningPoints) {
    const key = lp.lessonId ?? OTHER_LEARNING_POINTS;
    learningPoints[key] = learningPoints[key] ? `${learningPoints[key]}\n\n${lp.text}` : lp.text;
  }
  return {
    themes: legacy.data.themes.map((t) => ({ id: t.id, title: t.title, notes: t.notes })),
    marks: {},
    goodPracticeNotes: legacy.data.goodPractice,
    livedExperience: legacy.data.livedExperience,
    learningPoints,
  };
}

/** The outcome as stored on a workshop record: older shapes are upgraded when read or written. */
export const StoredOutcomeSchema = z.preprocess(upgradeOutcome, OutcomeSchema);

/** PUT …/outcome: the whole outcome and the version it was edited from (0 before the first save). */
export const OutcomeSaveSchema = z.strictObject({ baseVersion: z.number().int().min(0), outcome: OutcomeSchema });

/** GET and PUT …/outcome answer the outcome as stored and its version. */
export const OutcomeReplySchema = z.object({ outcome: OutcomeSchema, version: z.number().int().min(0) });

/** A workshop's stored outcome and version, upgraded from older shapes; records are not re-parsed when read. */
export function storedOutcome(w: { outcome?: unknown; outcomeVersion?: unknown }): { outcome: Outcome; version: number } {
  const parsed = StoredOutcomeSchema.safeParse(w.outcome);
  const version = typeof w.outcomeVersion === 'number' && Number.isInteger(w.outcomeVersion) && w.outcomeVersion >= 0 ? w.outcomeVersion : 0;
  return { outcome: parsed.success ? parsed.data : EMPTY_OUTCOME, version };
}

/**
 * Keeps only the marks on responses the facilitator can see now (`visible` answers for a prompt id
 * and slot): a mark on a response that is hidden, withdrawn, unknown, or under a prompt below the
 * anonymity threshold is dropped. Responses change under the facilitator (withdrawals, moderation),
 * so such marks are dropped rather than refused, and saving never gets stuck on one.
 */
export function keepVisibleMarks(o: Outcome, visible: (promptId: string, slot: string) => boolean): Outcome {
  const marks = Object.fromEntries(
    Object.entries(o.marks).filter(([key]) => {
      const { promptId, slot } = splitResponseKey(key);
      return visible(promptId, slot);
    }),
  );
  return Object.keys(marks).length === Object.keys(o.marks).length ? o : { ...o, marks };
}

/** The keys of the responses marked as good practice. */
export function goodPracticeKeys(o: Outcome): string[] {
  return Object.entries(o.marks)
    .filter(([, m]) => m.goodPractice)
    .map(([k]) => k);
}

/** The keys of the responses grouped under a theme. */
export function themeMembers(o: Outcome, themeId: string): string[] {
  return Object.entries(o.marks)
    .filter(([, m]) => m.themeId === themeId)
    .map(([k]) => k);
}

/**
 * The outcome's draft learning points for the report, in the order of the proposed lessons, then the
 * "other" ones, split at blank lines (the screen asks for a blank line between them). Empty ones are
 * left out; a learning point for a lesson no longer in the set-up still counts, after the others.
 */
export function draftLearningPoints(o: Outcome, lessons: readonly { id: string }[]): string[] {
  const order = [
    ...lessons.map((l) => l.id).filter((id) => id !== OTHER_LEARNING_POINTS),
    ...Object.keys(o.learningPoints).filter((k) => k !== OTHER_LEARNING_POINTS && !lessons.some((l) => l.id === k)),
  ];
  const out = order.map((id) => (o.learningPoints[id] ?? '').trim()).filter(Boolean);
  for (const para of (o.learningPoints[OTHER_LEARNING_POINTS] ?? '').split(/\n\s*\n/)) if (para.trim()) out.push(para.trim());
  return out;
}

/**
 * Moves marks onto a new release's ids: for each re-released prompt, `renames` maps the old release's
 * ids to the new ones. A mark on an answer that is not in the new release (withdrawn or edited) is dropped.
 */
export function remapMarks(o: Outcome, renames: ReadonlyMap<string, ReadonlyMap<string, string>>): Outcome {
  const marks: Outcome['marks'] = {};
  for (const [key, m] of Object.entries(o.marks)) {
    const { promptId, slot } = splitResponseKey(key);
    const map = renames.get(promptId);
    if (!map) {
      marks[key] = m;
      continue;
    }
    const now = map.get(slot);
    if (now) marks[responseKey(promptId, now)] = m;
  }
  return { ...o, marks };
}
