import {
  CHRONOLOGY_CATEGORIES,
  ChronologyFilterSchema,
  MAX_FILTER_TEXT_CHARS,
  MAX_FILTER_VALUES,
  type ChronologyCategory,
  type ChronologyFilter,
} from '../../../shared/chronology/index.js';
import { formatUkDate, parseUkDate } from '../../../shared/dates.js';

/**
 * The chronology filter as the form holds it (dates as typed, DD/MM/YYYY) and as the address bar
 * holds it, so a filtered view can be bookmarked, shared with a colleague in the same review, and
 * survives going back. The filter itself is checked with the shared ChronologyFilterSchema.
 */

/** Whether to show key practice learning events only, rows not marked only, or both. */
export type KeyLearningChoice = 'any' | 'yes' | 'no';

/** The filter form's values. Lists hold ids; an empty list means "any". */
export type FilterForm = {
  agencyIds: string[];
  personIds: string[];
  categories: ChronologyCategory[];
  /** DD/MM/YYYY as typed. */
  from: string;
  /** DD/MM/YYYY as typed. */
  to: string;
  keyLearning: KeyLearningChoice;
  text: string;
};

/** Which view of the chronology is shown. */
export type ChronologyView = 'table' | 'timeline';

/** A form with nothing chosen: every row shows. */
export const EMPTY_FILTER_FORM: FilterForm = { agencyIds: [], personIds: [], categories: [], from: '', to: '', keyLearning: 'any', text: '' };

/** Problems with the typed dates, by field; the filter ignores a date it cannot read. */
export type FilterFormErrors = { from?: string; to?: string };

/** Builds the filter from the form, with messages for dates that cannot be used. */
export function formToFilter(form: FilterForm): { filter: ChronologyFilter; errors: FilterFormErrors } {
  const errors: FilterFormErrors = {};
  const from = form.from.trim() ? parseUkDate(form.from) : null;
  const to = form.to.trim() ? parseUkDate(form.to) : null;
  if (form.from.trim() && !from) errors.from = 'Enter the start date as a real date, DD/MM/YYYY';
  if (form.to.trim() && !to) errors.to = 'Enter the end date as a real date, DD/MM/YYYY';
  const candidate: ChronologyFilter = {};
  if (form.agencyIds.length) candidate.agencyIds = form.agencyIds.slice(0, MAX_FILTER_VALUES);
  if (form.personIds.length) candidate.personIds = form.personIds.slice(0, MAX_FILTER_VALUES);
  if (form.categories.length) candidate.categories = form.categories.slice(0, MAX_FILTER_VALUES);
  if (from) candidate.from = from;
  if (to) candidate.to = to;
  if (from && to && from > to) {
    errors.to = 'The end date must be the same as or after the start date';
    delete candidate.to;
  }
  if (form.keyLearning !== 'any') candidate.keyLearning = form.keyLearning === 'yes';
  const text = form.text.trim().slice(0, MAX_FILTER_TEXT_CHARS);
  if (text) candidate.text = text;
  return { filter: validFilter(candidate), errors };
}

/** The filter with any part the shared schema refuses left out (an id mangled in a pasted link, say). */
function validFilter(candidate: ChronologyFilter): ChronologyFilter {
  let f: Record<string, unknown> = { ...candidate };
  for (let i = 0; i < 8; i++) {
    const parsed = ChronologyFilterSchema.safeParse(f);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
    f = Object.fromEntries(Object.entries(f).filter(([k]) => !bad.has(k)));
  }
  return {};
}

/** True when the form filters anything out. */
export function isFiltering(form: FilterForm): boolean {
  return (
    form.agencyIds.length > 0 ||
    form.personIds.length > 0 ||
    form.categories.length > 0 ||
    form.from.trim() !== '' ||
    form.to.trim() !== '' ||
    form.keyLearning !== 'any' ||
    form.text.trim() !== ''
  );
}

/** The address-bar query for a form and view, e.g. "?agency=…&from=2019-03-01&q=visit&view=timeline" ("" when blank). */
export function formToSearch(form: FilterForm, view: ChronologyView): string {
  const p = new URLSearchParams();
  for (const a of form.agencyIds) p.append('agency', a);
  for (const a of form.personIds) p.append('person', a);
  for (const c of form.categories) p.append('category', c);
  const from = form.from.trim() ? parseUkDate(form.from) : null;
  const to = form.to.trim() ? parseUkDate(form.to) : null;
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  if (form.keyLearning !== 'any') p.set('keyLearning', form.keyLearning);
  if (form.text.trim()) p.set('q', form.text.trim().slice(0, MAX_FILTER_TEXT_CHARS));
  if (view === 'timeline') p.set('view', 'timeline');
  const s = p.toString();
  return s ? `?${s}` : '';
}

const CATEGORY_SET = new Set<string>(CHRONOLOGY_CATEGORIES);

/** Reads the form and view back from the address bar; anything unknown or malformed is ignored. */
export function searchToForm(search: string): { form: FilterForm; view: ChronologyView } {
  const p = new URLSearchParams(search);
  const list = (key: string) => [...new Set(p.getAll(key).filter((v) => /^[A-Za-z0-9_-]{1,64}$/.test(v)))].slice(0, MAX_FILTER_VALUES);
  const date = (key: string) => {
    const v = p.get(key) ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(v) && parseUkDate(v) ? formatUkDate(v) : '';
  };
  const kl = p.get('keyLearning');
  return {
    form: {
      agencyIds: list('agency'),
      personIds: list('person'),
      categories: list('category').filter((c): c is ChronologyCategory => CATEGORY_SET.has(c)),
      from: date('from'),
      to: date('to'),
      keyLearning: kl === 'yes' || kl === 'no' ? kl : 'any',
      text: (p.get('q') ?? '').slice(0, MAX_FILTER_TEXT_CHARS),
    },
    view: p.get('view') === 'timeline' ? 'timeline' : 'table',
  };
}

/**
 * What a several-choice filter says when closed: `anyText` when nothing is chosen, the one choice's
 * label, or how many are chosen ("2 people"), so the closed control still tells what it filters.
 */
export function choiceSummary(chosenLabels: readonly string[], anyText: string, plural: string): string {
  if (chosenLabels.length === 0) return anyText;
  if (chosenLabels.length === 1) return chosenLabels[0]!;
  return `${chosenLabels.length.toLocaleString('en-GB')} ${plural}`;
}
