import type { ReportDraft } from '../../../shared/report/draft.js';
import { nextId } from './ids.js';

/** A theme of the analysis. */
export type Theme = ReportDraft['themes'][number];
/** A numbered learning point. */
export type LearningPoint = ReportDraft['learningPoints'][number];
/** A recommendation. */
export type Recommendation = ReportDraft['recommendations'][number];
/** A row of the action plan (Document 20). */
export type ActionRow = ReportDraft['actionPlan'][number];
/** An action plan row's RAG rating. */
export type Rag = ActionRow['rag'];

/** The draft's free-text sections, each a single text area in the builder. */
export type TextSection = 'executiveSummary' | 'introduction' | 'aboutTheChild' | 'familyInvolvementStatement' | 'goodPractice';

/** The lists the builder can add to, remove from and reorder. */
export type DraftList = 'keyLinesOfEnquiry' | 'themes' | 'learningPoints' | 'recommendations' | 'actionPlan';

/** How many items each list may hold: a mirror of ReportDraftSchema's limits (a unit test keeps them equal). */
export const MAX_ITEMS: Record<DraftList, number> = {
  keyLinesOfEnquiry: 20,
  themes: 20,
  learningPoints: 40,
  recommendations: 30,
  actionPlan: 100,
};

/** Id prefixes of the items that carry ids. */
export const ID_PREFIXES = { theme: 'theme', learningPoint: 'lp', recommendation: 'rec' } as const;

/** Everything the builder can do to the draft. */
export type DraftAction =
  | { type: 'replace'; draft: ReportDraft }
  | { type: 'set-text'; field: TextSection; value: string }
  | { type: 'set-family-involved'; value: boolean | null }
  | { type: 'set-participants'; value: number | null }
  | { type: 'toggle-prompt'; promptId: string }
  | { type: 'add'; list: DraftList; salt?: string }
  | { type: 'remove'; list: DraftList; index: number }
  | { type: 'move'; list: DraftList; index: number; by: -1 | 1 }
  | { type: 'set-kloe'; index: number; value: string }
  | { type: 'update-theme'; id: string; patch: Partial<Pick<Theme, 'title' | 'analysis'>> }
  | { type: 'toggle-theme-entry'; id: string; entryId: string }
  | { type: 'toggle-theme-prompt'; id: string; promptId: string }
  | { type: 'update-learning-point'; id: string; patch: Partial<Pick<LearningPoint, 'text' | 'themeId'>> }
  | { type: 'append-learning-points'; texts: string[]; salt?: string }
  | { type: 'update-recommendation'; id: string; patch: Partial<Pick<Recommendation, 'text' | 'organisation' | 'measure'>> }
  | { type: 'toggle-recommendation-lp'; id: string; learningPointId: string }
  | { type: 'update-action'; index: number; patch: Partial<ActionRow> };

/** A copy of `list` with the item at `index` moved `by` places; unchanged when that would leave the list. */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

const toggle = (list: readonly string[], id: string): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** A new, empty action plan row for a recommendation. */
export function blankActionRow(recommendationId: string): ActionRow {
  return { recommendationId, actions: '', responsible: '', timescale: '', actionsTaken: '', progress: '', rag: 'not-started', evidence: '' };
}

function add(d: ReportDraft, list: DraftList, salt?: string): ReportDraft {
  if (d[list].length >= MAX_ITEMS[list]) return d;
  switch (list) {
    case 'keyLinesOfEnquiry':
      return { ...d, keyLinesOfEnquiry: [...d.keyLinesOfEnquiry, ''] };
    case 'themes':
      return {
        ...d,
        themes: [
          ...d.themes,
          {
            id: nextId(
              ID_PREFIXES.theme,
              d.themes.map((t) => t.id),
              salt,
            ),
            title: '',
            analysis: '',
            entryIds: [],
            promptIds: [],
          },
        ],
      };
    case 'learningPoints':
      // A new learning point starts under the last theme, the one most likely being written.
      return {
        ...d,
        learningPoints: [
          ...d.learningPoints,
          {
            id: nextId(
              ID_PREFIXES.learningPoint,
              d.learningPoints.map((l) => l.id),
              salt,
            ),
            text: '',
            themeId: d.themes.at(-1)?.id ?? null,
          },
        ],
      };
    case 'recommendations':
      return {
        ...d,
        recommendations: [
          ...d.recommendations,
          {
            id: nextId(
              ID_PREFIXES.recommendation,
              d.recommendations.map((r) => r.id),
              salt,
            ),
            text: '',
            organisation: '',
            measure: '',
            learningPointIds: [],
          },
        ],
      };
    case 'actionPlan': {
      // An action plan row always answers a recommendation; the one without a row yet comes first.
      const withRows = new Set(d.actionPlan.map((a) => a.recommendationId));
      const rec = d.recommendations.find((r) => !withRows.has(r.id)) ?? d.recommendations.at(-1);
      return rec ? { ...d, actionPlan: [...d.actionPlan, blankActionRow(rec.id)] } : d;
    }
  }
}

/**
 * Removes an item and every reference to it, so the saved draft never points at something gone:
 * a removed theme leaves its learning points without a theme, a removed learning point is unlinked
 * from recommendations, and a removed recommendation takes its action plan rows with it.
 */
function remove(d: ReportDraft, list: DraftList, index: number): ReportDraft {
  if (index < 0 || index >= d[list].length) return d;
  switch (list) {
    case 'keyLinesOfEnquiry':
      return { ...d, keyLinesOfEnquiry: d.keyLinesOfEnquiry.filter((_, i) => i !== index) };
    case 'themes': {
      const gone = d.themes[index]!.id;
      return { ...d, themes: d.themes.filter((_, i) => i !== index), learningPoints: d.learningPoints.map((lp) => (lp.themeId === gone ? { ...lp, themeId: null } : lp)) };
    }
    case 'learningPoints': {
      const gone = d.learningPoints[index]!.id;
      return {
        ...d,
        learningPoints: d.learningPoints.filter((_, i) => i !== index),
        recommendations: d.recommendations.map((r) => (r.learningPointIds.includes(gone) ? { ...r, learningPointIds: r.learningPointIds.filter((x) => x !== gone) } : r)),
      };
    }
    case 'recommendations': {
      const gone = d.recommendations[index]!.id;
      return { ...d, recommendations: d.recommendations.filter((_, i) => i !== index), actionPlan: d.actionPlan.filter((a) => a.recommendationId !== gone) };
    }
    case 'actionPlan':
      return { ...d, actionPlan: d.actionPlan.filter((_, i) => i !== index) };
  }
}

function move(d: ReportDraft, list: DraftList, index: number, by: -1 | 1): ReportDraft {
  switch (list) {
    case 'keyLinesOfEnquiry':
      return { ...d, keyLinesOfEnquiry: moveItem(d.keyLinesOfEnquiry, index, by) };
    case 'themes':
      return { ...d, themes: moveItem(d.themes, index, by) };
    case 'learningPoints':
      return { ...d, learningPoints: moveItem(d.learningPoints, index, by) };
    case 'recommendations':
      return { ...d, recommendations: moveItem(d.recommendations, index, by) };
    case 'actionPlan':
      return { ...d, actionPlan: moveItem(d.actionPlan, index, by) };
  }
}

const mapById = <T extends { id: string }>(list: readonly T[], id: string, f: (x: T) => T): T[] => list.map((x) => (x.id === id ? f(x) : x));

/** The builder's reducer: every change to the draft is one of these pure steps. */
export function draftReducer(d: ReportDraft, a: DraftAction): ReportDraft {
  switch (a.type) {
    case 'replace':
      return a.draft;
    case 'set-text':
      return { ...d, [a.field]: a.value };
    case 'set-family-involved':
      return { ...d, familyInvolved: a.value };
    case 'set-participants':
      return { ...d, workshopParticipants: a.value };
    case 'toggle-prompt':
      return { ...d, removedPrompts: toggle(d.removedPrompts, a.promptId) };
    case 'add':
      return add(d, a.list, a.salt);
    case 'remove':
      return remove(d, a.list, a.index);
    case 'move':
      return move(d, a.list, a.index, a.by);
    case 'set-kloe':
      return { ...d, keyLinesOfEnquiry: d.keyLinesOfEnquiry.map((k, i) => (i === a.index ? a.value : k)) };
    case 'update-theme':
      return { ...d, themes: mapById(d.themes, a.id, (t) => ({ ...t, ...a.patch })) };
    case 'toggle-theme-entry':
      return { ...d, themes: mapById(d.themes, a.id, (t) => ({ ...t, entryIds: toggle(t.entryIds, a.entryId) })) };
    case 'toggle-theme-prompt':
      return { ...d, themes: mapById(d.themes, a.id, (t) => ({ ...t, promptIds: toggle(t.promptIds, a.promptId) })) };
    case 'update-learning-point':
      return { ...d, learningPoints: mapById(d.learningPoints, a.id, (lp) => ({ ...lp, ...a.patch })) };
    case 'append-learning-points': {
      // Learning points brought in (from the workshop) start without a theme: the lead reviewer links them.
      const learningPoints = [...d.learningPoints];
      for (const text of a.texts.slice(0, Math.max(0, MAX_ITEMS.learningPoints - learningPoints.length))) {
        learningPoints.push({
          id: nextId(
            ID_PREFIXES.learningPoint,
            learningPoints.map((l) => l.id),
            a.salt,
          ),
          text,
          themeId: null,
        });
      }
      return { ...d, learningPoints };
    }
    case 'update-recommendation':
      return { ...d, recommendations: mapById(d.recommendations, a.id, (r) => ({ ...r, ...a.patch })) };
    case 'toggle-recommendation-lp': {
      // Links keep the learning points' own order, so "Learning Point 1, 3" reads in number order.
      const order = d.learningPoints.map((lp) => lp.id);
      return {
        ...d,
        recommendations: mapById(d.recommendations, a.id, (r) => ({
          ...r,
          learningPointIds: toggle(r.learningPointIds, a.learningPointId).sort((x, y) => order.indexOf(x) - order.indexOf(y)),
        })),
      };
    }
    case 'update-action':
      return { ...d, actionPlan: d.actionPlan.map((row, i) => (i === a.index ? { ...row, ...a.patch } : row)) };
  }
}
