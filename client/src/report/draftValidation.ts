import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../../../shared/limits.js';
import { ReportDraftSchema, type ReportDraft } from '../../../shared/report/draft.js';
import type { FormError } from '../components/ErrorSummary.js';
import type { ActionRow, DraftList, TextSection } from './draftReducer.js';

/** Longest key line of enquiry, as ReportDraftSchema allows. */
export const MAX_KLOE_CHARS = 1000;

/** Largest number of workshop participants the draft accepts. */
export const MAX_PARTICIPANTS = 500;

/** Labels of the free-text sections, as the builder shows them. */
export const TEXT_LABELS: Record<TextSection, string> = {
  executiveSummary: 'Executive summary',
  introduction: 'Introduction',
  aboutTheChild: 'About the child',
  familyInvolvementStatement: 'Family involvement statement',
  goodPractice: 'Good practice',
};

/** Labels of the action plan columns (Document 20). */
export const ACTION_LABELS: Record<keyof ActionRow, string> = {
  recommendationId: 'Recommendation',
  actions: 'Agreed actions',
  responsible: 'Responsible person',
  timescale: 'Timescale',
  actionsTaken: 'Actions taken',
  progress: 'Progress update',
  rag: 'RAG rating',
  evidence: 'Evidence of impact or outcome',
};

/** Element ids of the builder's fields. Items with ids use them, so an id stays with its item when the list is reordered. */
export const fieldIds = {
  text: (f: TextSection) => `report-${f}`,
  kloe: (i: number) => `report-kloe-${i}`,
  familyInvolved: 'report-familyInvolved',
  participants: 'report-participants',
  theme: (id: string, part: 'title' | 'analysis' | 'events' | 'prompts') => `report-theme-${id}-${part}`,
  learningPoint: (id: string, part: 'text' | 'theme') => `report-lp-${id}-${part}`,
  recommendation: (id: string, part: 'text' | 'organisation' | 'measure' | 'learning-points') => `report-rec-${id}-${part}`,
  action: (i: number, part: keyof ActionRow) => `report-action-${i}-${part}`,
  add: (list: DraftList) => `report-add-${list}`,
} as const;

/** Where a problem sits: the field to link to (null for the form as a whole) and how to name it. */
export type FieldPlace = { fieldId: string | null; label: string };

const n = (i: number) => i + 1;
const num = (x: number) => x.toLocaleString('en-GB');

/**
 * The field and label for a path into the draft, as zod and the server's `details.fields` give it
 * ("themes.0.title" or ['themes', 0, 'title']). Unknown paths name the form as a whole.
 */
export function placeOf(path: readonly (string | number)[] | string, draft: ReportDraft): FieldPlace {
  const parts = (typeof path === 'string' ? path.split('.').filter(Boolean) : path.map(String)).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [head, index, part] = parts;
  const i = typeof index === 'number' ? index : -1;
  switch (head) {
    case 'executiveSummary':
    case 'introduction':
    case 'aboutTheChild':
    case 'familyInvolvementStatement':
    case 'goodPractice':
      return { fieldId: fieldIds.text(head), label: TEXT_LABELS[head] };
    case 'keyLinesOfEnquiry':
      return i >= 0 ? { fieldId: fieldIds.kloe(i), label: `Key line of enquiry ${n(i)}` } : { fieldId: fieldIds.add('keyLinesOfEnquiry'), label: 'Key lines of enquiry' };
    case 'familyInvolved':
      return { fieldId: fieldIds.familyInvolved, label: 'Family involvement' };
    case 'workshopParticipants':
      return { fieldId: fieldIds.participants, label: 'Number of workshop participants' };
    case 'themes': {
      const t = draft.themes[i];
      if (!t) return { fieldId: fieldIds.add('themes'), label: 'Themes' };
      if (part === 'analysis') return { fieldId: fieldIds.theme(t.id, 'analysis'), label: `Theme ${n(i)} analysis` };
      if (part === 'entryIds') return { fieldId: fieldIds.theme(t.id, 'events'), label: `Theme ${n(i)} key events` };
      if (part === 'promptIds') return { fieldId: fieldIds.theme(t.id, 'prompts'), label: `Theme ${n(i)} workshop prompts` };
      return { fieldId: fieldIds.theme(t.id, 'title'), label: `Theme ${n(i)} title` };
    }
    case 'learningPoints': {
      const lp = draft.learningPoints[i];
      if (!lp) return { fieldId: fieldIds.add('learningPoints'), label: 'Learning points' };
      if (part === 'themeId') return { fieldId: fieldIds.learningPoint(lp.id, 'theme'), label: `Learning point ${n(i)} theme` };
      return { fieldId: fieldIds.learningPoint(lp.id, 'text'), label: `Learning point ${n(i)}` };
    }
    case 'recommendations': {
      const r = draft.recommendations[i];
      if (!r) return { fieldId: fieldIds.add('recommendations'), label: 'Recommendations' };
      if (part === 'organisation') return { fieldId: fieldIds.recommendation(r.id, 'organisation'), label: `Recommendation ${n(i)} organisation` };
      if (part === 'measure') return { fieldId: fieldIds.recommendation(r.id, 'measure'), label: `Recommendation ${n(i)} measure` };
      if (part === 'learningPointIds') return { fieldId: fieldIds.recommendation(r.id, 'learning-points'), label: `Recommendation ${n(i)} learning points` };
      return { fieldId: fieldIds.recommendation(r.id, 'text'), label: `Recommendation ${n(i)}` };
    }
    case 'actionPlan': {
      if (!draft.actionPlan[i]) return { fieldId: fieldIds.add('actionPlan'), label: 'Action plan' };
      const col = typeof part === 'string' && part in ACTION_LABELS ? (part as keyof ActionRow) : 'actions';
      return { fieldId: fieldIds.action(i, col), label: `Action plan row ${n(i)}: ${ACTION_LABELS[col]}` };
    }
    case 'removedPrompts':
      return { fieldId: null, label: 'Guidance prompts' };
    default:
      return { fieldId: null, label: 'The report draft' };
  }
}

/** Reads the workshop participants box: blank is "not recorded"; anything else must be a whole number 0 to 500. */
export function parseParticipants(text: string): { ok: true; value: number | null } | { ok: false } {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  if (!/^\d{1,4}$/.test(t)) return { ok: false };
  const value = Number(t);
  return value <= MAX_PARTICIPANTS ? { ok: true, value } : { ok: false };
}

/**
 * Checks the draft (the builder's "Check the draft"), with messages that say how to fix each problem, in the order the
 * fields appear. The shared schema then runs as a backstop, so nothing the server would refuse slips
 * through unnamed. Returns the draft to send (with the participants number read) when there is no problem.
 */
export function validateDraft(draft: ReportDraft, participantsText: string): { errors: FormError[]; body: ReportDraft | null } {
  const errors: FormError[] = [];
  const add = (fieldId: string, message: string) => errors.push({ fieldId, message });
  const tooLong = (value: string, max: number, fieldId: string, label: string) => {
    if (value.length > max) add(fieldId, `${label} must be ${num(max)} characters or fewer`);
  };

  tooLong(draft.executiveSummary, MAX_TEXT_CHARS, fieldIds.text('executiveSummary'), TEXT_LABELS.executiveSummary);
  tooLong(draft.introduction, MAX_TEXT_CHARS, fieldIds.text('introduction'), TEXT_LABELS.introduction);
  tooLong(draft.aboutTheChild, MAX_TEXT_CHARS, fieldIds.text('aboutTheChild'), TEXT_LABELS.aboutTheChild);
  draft.keyLinesOfEnquiry.forEach((k, i) => {
    if (!k.trim()) add(fieldIds.kloe(i), `Enter key line of enquiry ${n(i)}, or remove it`);
    else tooLong(k.trim(), MAX_KLOE_CHARS, fieldIds.kloe(i), `Key line of enquiry ${n(i)}`);
  });
  const participants = parseParticipants(participantsText);
  if (!participants.ok) add(fieldIds.participants, `Enter the number of workshop participants as a whole number from 0 to ${MAX_PARTICIPANTS}, or leave it blank`);
  tooLong(draft.familyInvolvementStatement, MAX_TEXT_CHARS, fieldIds.text('familyInvolvementStatement'), TEXT_LABELS.familyInvolvementStatement);

  const themeIds = new Set(draft.themes.map((t) => t.id));
  draft.themes.forEach((t, i) => {
    if (!t.title.trim()) add(fieldIds.theme(t.id, 'title'), `Enter a title for theme ${n(i)}`);
    else tooLong(t.title.trim(), MAX_LABEL_CHARS, fieldIds.theme(t.id, 'title'), `Theme ${n(i)} title`);
    tooLong(t.analysis, MAX_TEXT_CHARS, fieldIds.theme(t.id, 'analysis'), `Theme ${n(i)} analysis`);
  });
  tooLong(draft.goodPractice, MAX_TEXT_CHARS, fieldIds.text('goodPractice'), TEXT_LABELS.goodPractice);
  draft.learningPoints.forEach((lp, i) => {
    if (!lp.text.trim()) add(fieldIds.learningPoint(lp.id, 'text'), `Enter the text of learning point ${n(i)}, or remove it`);
    else tooLong(lp.text.trim(), MAX_TEXT_CHARS, fieldIds.learningPoint(lp.id, 'text'), `Learning point ${n(i)}`);
    if (lp.themeId !== null && !themeIds.has(lp.themeId)) add(fieldIds.learningPoint(lp.id, 'theme'), `Choose a theme for learning point ${n(i)}`);
  });
  const recIds = new Set(draft.recommendations.map((r) => r.id));
  draft.recommendations.forEach((r, i) => {
    if (!r.text.trim()) add(fieldIds.recommendation(r.id, 'text'), `Enter recommendation ${n(i)}, or remove it`);
    else tooLong(r.text.trim(), MAX_TEXT_CHARS, fieldIds.recommendation(r.id, 'text'), `Recommendation ${n(i)}`);
    tooLong(r.organisation.trim(), MAX_LABEL_CHARS, fieldIds.recommendation(r.id, 'organisation'), `Recommendation ${n(i)} organisation`);
    tooLong(r.measure, MAX_TEXT_CHARS, fieldIds.recommendation(r.id, 'measure'), `Recommendation ${n(i)} measure`);
  });
  draft.actionPlan.forEach((row, i) => {
    if (!recIds.has(row.recommendationId)) add(fieldIds.action(i, 'recommendationId'), `Choose the recommendation for action plan row ${n(i)}`);
    for (const col of ['actions', 'responsible', 'timescale', 'actionsTaken', 'progress', 'evidence'] as const) {
      const max = col === 'responsible' || col === 'timescale' ? MAX_LABEL_CHARS : MAX_TEXT_CHARS;
      tooLong(row[col], max, fieldIds.action(i, col), `Action plan row ${n(i)}: ${ACTION_LABELS[col]}`);
    }
  });

  const candidate: ReportDraft = { ...draft, workshopParticipants: participants.ok ? participants.value : draft.workshopParticipants };
  const parsed = ReportDraftSchema.safeParse(candidate);
  if (!parsed.success) {
    const listed = new Set(errors.map((e) => e.fieldId));
    for (const issue of parsed.error.issues) {
      const place = placeOf(issue.path as (string | number)[], candidate);
      if (place.fieldId !== null && listed.has(place.fieldId)) continue;
      listed.add(place.fieldId);
      errors.push({ fieldId: place.fieldId, message: `${place.label}: ${issue.message}` });
    }
  }
  return errors.length > 0 ? { errors, body: null } : { errors, body: candidate };
}
