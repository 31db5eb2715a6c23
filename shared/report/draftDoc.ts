import * as Y from 'yjs';
import { z } from 'zod';
import { recordFields, writeRecord } from '../chronology/yRecord.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';
import { safeString } from '../text.js';
import { ReportDraftSchema, emptyDraft, type ReportDraft } from './draft.js';

/**
 * The Yjs shape of the report draft (review.<reviewId>.report), so the lead reviewer's text is autosaved
 * through the sync server, kept in the browser while unacknowledged, and merged field by field:
 *   sections        section key -> Y.Map { text: Y.Text }   (the draft's free-text sections)
 *   themes          theme id -> Y.Map { title, analysis: Y.Text, entryIds, promptIds, keyThemeId, position }
 *   learningPoints  id -> Y.Map { text: Y.Text, themeId, position }
 *   recommendations id -> Y.Map { text: Y.Text, organisation, measure: Y.Text, learningPointIds, position }
 *   actionPlan      recommendation id -> Y.Map { actions, actionsTaken, progress, evidence (Y.Text), responsible, timescale, rag, position }
 *   settings        key -> plain value: keyLinesOfEnquiry, familyInvolved, workshopParticipants, removedPrompts, migrated
 * Lists keep their order in `position` (ties by id), so two people adding items each keep theirs.
 * Readers validate the assembled draft and fall back field by field, so a crafted update never breaks
 * the builder or an export.
 */

/** The draft's free-text sections, each one record holding a Y.Text `text`. */
export const DRAFT_SECTION_KEYS = ['executiveSummary', 'introduction', 'aboutTheChild', 'familyInvolvementStatement', 'goodPractice'] as const;

/** Root names of the report draft document. */
export const DRAFT_ROOTS = {
  sections: 'sections',
  themes: 'themes',
  learningPoints: 'learningPoints',
  recommendations: 'recommendations',
  actionPlan: 'actionPlan',
  settings: 'settings',
} as const;

/** Collaborative text fields of each record root of the report draft document. */
export const DRAFT_TEXT_FIELDS = {
  sections: ['text'],
  themes: ['analysis'],
  learningPoints: ['text'],
  recommendations: ['text', 'measure'],
  actionPlan: ['actions', 'actionsTaken', 'progress', 'evidence'],
} as const;

const THEME_KEYS = ['title', 'analysis', 'entryIds', 'promptIds', 'keyThemeId', 'position'] as const;
const POINT_KEYS = ['text', 'themeId', 'position'] as const;
const RECOMMENDATION_KEYS = ['text', 'organisation', 'measure', 'learningPointIds', 'position'] as const;
const ACTION_KEYS = ['actions', 'responsible', 'timescale', 'actionsTaken', 'progress', 'rag', 'evidence', 'position'] as const;

/** Settings key recording that the REST-era draft has been copied into this document. */
export const DRAFT_MIGRATED_KEY = 'migrated';

/** Whether the document has been started (written by an editor or migrated from the stored REST draft). */
export function draftDocStarted(doc: Y.Doc): boolean {
  return doc.getMap(DRAFT_ROOTS.settings).get(DRAFT_MIGRATED_KEY) === true;
}

type Positioned = { id: string; position: number; fields: Record<string, unknown> };

function readList(doc: Y.Doc, root: string): Positioned[] {
  const out: Positioned[] = [];
  doc.getMap<unknown>(root).forEach((value, id) => {
    const fields = recordFields(value);
    if (!fields) return;
    const position = typeof fields['position'] === 'number' ? fields['position'] : Number.MAX_SAFE_INTEGER;
    out.push({ id, position, fields });
  });
  return out.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Keeps only the values that validate against one item of a draft list; a bad item is dropped. */
function validItems<T>(items: unknown[], schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T[] {
  const out: T[] = [];
  for (const item of items) {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data as T);
  }
  return out;
}

const Slug = z.string().regex(/^[a-z0-9-]{1,40}$/);
const Text = safeString().max(MAX_TEXT_CHARS);
const Label = safeString().max(MAX_LABEL_CHARS);

/**
 * The draft as it may stand while being written: ReportDraftSchema's types and caps, without its
 * trimming or "not blank" rules, which apply when the lead reviewer checks the draft. Autosave writes
 * every keystroke, so a half-typed item (a learning point still blank, a trailing space) must be kept
 * exactly as typed.
 */
export const DraftEditSchema = z.strictObject({
  executiveSummary: Text,
  introduction: Text,
  aboutTheChild: Text,
  keyLinesOfEnquiry: z.array(safeString().max(1000)).max(20),
  familyInvolved: z.boolean().nullable(),
  familyInvolvementStatement: Text,
  workshopParticipants: z.number().int().min(0).max(500).nullable(),
  themes: z
    .array(
      z.strictObject({
        id: Slug,
        title: Label,
        analysis: Text,
        entryIds: z.array(z.string().max(40)).max(200),
        promptIds: z.array(z.string().max(60)).max(50),
        keyThemeId: z
          .string()
          .regex(/^[A-Za-z0-9_-]{16,24}$/)
          .nullable()
          .optional(),
      }),
    )
    .max(20),
  goodPractice: Text,
  learningPoints: z.array(z.strictObject({ id: Slug, text: Text, themeId: Slug.nullable() })).max(40),
  recommendations: z.array(z.strictObject({ id: Slug, text: Text, organisation: Label, measure: Text, learningPointIds: z.array(Slug).max(40) })).max(30),
  actionPlan: z
    .array(
      z.strictObject({
        recommendationId: Slug,
        actions: Text,
        responsible: Label,
        timescale: Label,
        actionsTaken: Text,
        progress: Text,
        rag: z.enum(['red', 'amber', 'green', 'not-started']),
        evidence: Text,
      }),
    )
    .max(100),
  removedPrompts: z.array(Slug).max(50),
});

const shape = DraftEditSchema.shape;

/** The draft as the document holds it; anything that does not validate reads as empty. */
export function readDraftDoc(doc: Y.Doc): ReportDraft {
  const draft = emptyDraft();
  const sections = doc.getMap<unknown>(DRAFT_ROOTS.sections);
  for (const key of DRAFT_SECTION_KEYS) {
    const text = recordFields(sections.get(key))?.['text'];
    if (shape[key].safeParse(text).success) draft[key] = text as string;
  }
  const settings = doc.getMap<unknown>(DRAFT_ROOTS.settings);
  for (const key of ['keyLinesOfEnquiry', 'familyInvolved', 'workshopParticipants', 'removedPrompts'] as const) {
    const r = shape[key].safeParse(settings.get(key));
    if (r.success) (draft as Record<string, unknown>)[key] = r.data;
  }
  const themeItem = shape.themes.element;
  draft.themes = validItems(
    readList(doc, DRAFT_ROOTS.themes).map(({ id, fields }) => ({
      id,
      title: fields['title'],
      analysis: fields['analysis'] ?? '',
      entryIds: fields['entryIds'] ?? [],
      promptIds: fields['promptIds'] ?? [],
      ...(fields['keyThemeId'] !== undefined ? { keyThemeId: fields['keyThemeId'] } : {}),
    })),
    themeItem,
  ).slice(0, 20);
  draft.learningPoints = validItems(
    readList(doc, DRAFT_ROOTS.learningPoints).map(({ id, fields }) => ({
      id,
      text: fields['text'],
      themeId: fields['themeId'] ?? null,
    })),
    shape.learningPoints.element,
  ).slice(0, 40);
  draft.recommendations = validItems(
    readList(doc, DRAFT_ROOTS.recommendations).map(({ id, fields }) => ({
      id,
      text: fields['text'],
      organisation: fields['organisation'] ?? '',
      measure: fields['measure'] ?? '',
      learningPointIds: fields['learningPointIds'] ?? [],
    })),
    shape.recommendations.element,
  ).slice(0, 30);
  draft.actionPlan = validItems(
    readList(doc, DRAFT_ROOTS.actionPlan).map(({ id, fields }) => ({
      recommendationId: id,
      actions: fields['actions'] ?? '',
      responsible: fields['responsible'] ?? '',
      timescale: fields['timescale'] ?? '',
      actionsTaken: fields['actionsTaken'] ?? '',
      progress: fields['progress'] ?? '',
      rag: fields['rag'] ?? 'not-started',
      evidence: fields['evidence'] ?? '',
    })),
    shape.actionPlan.element,
  ).slice(0, 100);
  return draft;
}

/** Writes one list root: items by id with their position, removing ids no longer listed. */
function writeList(doc: Y.Doc, root: string, items: { id: string; record: Record<string, unknown> }[], keys: readonly string[], textKeys: readonly string[]): void {
  const map = doc.getMap<unknown>(root);
  const ids = new Set(items.map((i) => i.id));
  for (const id of [...map.keys()]) if (!ids.has(id)) map.delete(id);
  items.forEach(({ id, record }, position) => {
    writeRecord(map, id, { ...record, position }, keys, textKeys);
  });
}

/**
 * Writes a whole draft into the document in one transaction, after validating it against
 * DraftEditSchema (throws a ZodError and writes nothing when it does not); values are written exactly
 * as given. Only what differs is written: text fields as the smallest edit of
 * their Y.Text, so a colleague's typing elsewhere in the same section survives.
 */
export function writeDraftDoc(doc: Y.Doc, input: ReportDraft): void {
  DraftEditSchema.parse(input);
  const draft = input;
  doc.transact(() => {
    const sections = doc.getMap<unknown>(DRAFT_ROOTS.sections);
    for (const key of DRAFT_SECTION_KEYS) writeRecord(sections, key, { text: draft[key] }, ['text'], DRAFT_TEXT_FIELDS.sections);
    const settings = doc.getMap<unknown>(DRAFT_ROOTS.settings);
    for (const key of ['keyLinesOfEnquiry', 'familyInvolved', 'workshopParticipants', 'removedPrompts'] as const) {
      if (JSON.stringify(settings.get(key)) !== JSON.stringify(draft[key])) settings.set(key, draft[key]);
    }
    if (settings.get(DRAFT_MIGRATED_KEY) !== true) settings.set(DRAFT_MIGRATED_KEY, true);
    writeList(
      doc,
      DRAFT_ROOTS.themes,
      draft.themes.map(({ id, ...record }) => ({ id, record })),
      THEME_KEYS,
      DRAFT_TEXT_FIELDS.themes,
    );
    writeList(
      doc,
      DRAFT_ROOTS.learningPoints,
      draft.learningPoints.map(({ id, ...record }) => ({ id, record })),
      POINT_KEYS,
      DRAFT_TEXT_FIELDS.learningPoints,
    );
    writeList(
      doc,
      DRAFT_ROOTS.recommendations,
      draft.recommendations.map(({ id, ...record }) => ({ id, record })),
      RECOMMENDATION_KEYS,
      DRAFT_TEXT_FIELDS.recommendations,
    );
    writeList(
      doc,
      DRAFT_ROOTS.actionPlan,
      draft.actionPlan.map(({ recommendationId, ...record }) => ({ id: recommendationId, record })),
      ACTION_KEYS,
      DRAFT_TEXT_FIELDS.actionPlan,
    );
  });
}

/**
 * The draft as the report is built from it: list items still blank (being written) are left out, and
 * text is trimmed by ReportDraftSchema. A draft that still does not pass is used as it stands.
 */
export function draftForReport(draft: ReportDraft): ReportDraft {
  const cleaned: ReportDraft = {
    ...draft,
    keyLinesOfEnquiry: draft.keyLinesOfEnquiry.filter((k) => k.trim()),
    themes: draft.themes.filter((t) => t.title.trim()),
    learningPoints: draft.learningPoints.filter((p) => p.text.trim()),
    recommendations: draft.recommendations.filter((r) => r.text.trim()),
  };
  const parsed = ReportDraftSchema.safeParse(cleaned);
  return parsed.success ? parsed.data : cleaned;
}
