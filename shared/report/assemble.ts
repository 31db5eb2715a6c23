import { formatUkDate } from '../dates.js';
import { formatChronologyDate, type IntegratedRow } from '../chronology/index.js';
import type { ReportDraft } from './draft.js';
import { GUIDANCE } from './guidance.js';
import { usedAcronyms } from './glossary.js';
import { modelTexts, type ReportBlock, type ReportModel } from './model.js';

/** The protective marking on every page of the draft. */
export const REPORT_MARKING = 'DRAFT \u2013 OFFICIAL-SENSITIVE';

/** Longest key-event text quoted in the overview, so the overview stays brief. */
export const OVERVIEW_EVENT_CHARS = 300;

/** What the report is assembled from. Text in it is raw; `pseudonymise` is applied here, to all of it. */
export type ReportInput = {
  review: { childPseudonym: string; kind: 'rapid-review' | 'lcspr'; periodStart: string | null; periodEnd: string | null };
  partnership: string;
  leadReviewers: string[];
  todayIso: string;
  agencies: { name: string; shortCode: string }[];
  rows: readonly IntegratedRow[];
  /**
   * Released (at least k), visible workshop responses per prompt, the attendance count, and from the
   * workshop's outcome the notes on the child's lived experience and good practice: the facilitator's
   * notes and the released responses marked as good practice. null when there was no workshop.
   */
  workshop: {
    prompts: { id: string; label: string; responses: string[] }[];
    participants?: number;
    livedExperience?: string;
    goodPractice?: { notes: string; responses: string[] };
  } | null;
  termsOfReference: { keyLinesOfEnquiry: string[]; periodStart: string | null; periodEnd: string | null } | null;
  /** The subject child's date of birth (ISO), so a period that starts at birth says so instead of giving the date. */
  childDateOfBirth?: string | null;
  draft: ReportDraft;
  pseudonymise: (text: string) => string;
};

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}\u2026` : s);

/**
 * Assembles the report skeleton (Document 19, section 9.1.3) as blocks. Every piece of case text —
 * chronology, workshop responses and the lead reviewer's own drafting — passes through the
 * pseudonymiser here, so the renderers never see a real name. The genogram is never included.
 */
export function assembleReport(input: ReportInput): ReportModel {
  const p = input.pseudonymise;
  const d = input.draft;
  const blocks: ReportBlock[] = [];
  const prompt = (id: string) => {
    if (!d.removedPrompts.includes(id) && GUIDANCE[id]) blocks.push({ kind: 'prompt', id, text: GUIDANCE[id]! });
  };
  const text = (t: string, placeholder: string) => {
    const paras = p(t)
      .split(/\n{2,}/)
      .map((x) => x.trim())
      .filter(Boolean);
    if (paras.length === 0) blocks.push({ kind: 'placeholder', text: placeholder });
    for (const para of paras) blocks.push({ kind: 'paragraph', text: para });
  };
  const h = (level: 1 | 2 | 3, t: string) => blocks.push({ kind: 'heading', level, text: t });

  const title = reportTitle(input.review.kind, input.review.childPseudonym);
  blocks.push({
    kind: 'title-page',
    title,
    childPseudonym: input.review.childPseudonym,
    partnership: input.partnership,
    leadReviewers: input.leadReviewers,
    date: formatUkDate(input.todayIso),
    marking: REPORT_MARKING,
  });
  blocks.push({ kind: 'contents' }, { kind: 'page-break' });

  h(1, 'Executive summary');
  prompt('executive-summary');
  text(d.executiveSummary, '[Executive summary: no more than two pages.]');
  h(1, 'Introduction');
  prompt('introduction');
  text(d.introduction, '[Introduction to be written.]');
  h(1, `About ${input.review.childPseudonym}`);
  prompt('about-the-child');
  text(d.aboutTheChild, `[What life was like for ${input.review.childPseudonym}.]`);
  if (input.workshop?.livedExperience?.trim()) {
    h(2, 'From the Reflective Learning Workshop');
    text(input.workshop.livedExperience, '');
  }

  h(1, 'Terms of reference and methodology');
  prompt('terms-of-reference');
  const tor = input.termsOfReference;
  const kloes = tor && tor.keyLinesOfEnquiry.length > 0 ? tor.keyLinesOfEnquiry : d.keyLinesOfEnquiry;
  h(2, 'Key lines of enquiry');
  if (kloes.length > 0) blocks.push({ kind: 'bullets', items: kloes.map(p) });
  else blocks.push({ kind: 'placeholder', text: '[Key lines of enquiry from the terms of reference.]' });
  const start = tor?.periodStart ?? input.review.periodStart;
  const end = tor?.periodEnd ?? input.review.periodEnd;
  // A period often starts at the child's birth; the date itself would publish the date of birth.
  const from = start && start === input.childDateOfBirth ? `the birth of ${input.review.childPseudonym}` : start ? formatUkDate(start) : '';
  blocks.push({ kind: 'paragraph', text: start && end ? p(`The review considered the period from ${from} to ${formatUkDate(end)}.`) : '[Time period under review.]' });
  h(2, 'Agencies involved');
  const withRows = new Set(input.rows.map((r) => r.agencyCode));
  blocks.push({ kind: 'bullets', items: input.agencies.map((a) => `${a.name} (${a.shortCode})${withRows.has(a.shortCode) ? ': provided a key events chronology' : ''}`) });
  h(2, 'Reflective Learning Workshop');
  blocks.push(
    input.workshop
      ? {
          kind: 'paragraph',
          text:
            (d.workshopParticipants ?? input.workshop.participants)
              ? `A Reflective Learning Workshop was held with ${d.workshopParticipants ?? input.workshop.participants} practitioners and managers.`
              : 'A Reflective Learning Workshop was held with [number] practitioners and managers.',
        }
      : { kind: 'placeholder', text: '[Describe the workshop, if one was held.]' },
  );
  h(2, 'Family involvement');
  prompt('family-involvement');
  if (d.familyInvolved === false && !d.familyInvolvementStatement.trim()) blocks.push({ kind: 'placeholder', text: '[The family did not contribute: give the reasons.]' });
  else text(d.familyInvolvementStatement, '[Statement on the family\u2019s involvement.]');

  h(1, 'What happened: a brief overview');
  prompt('overview');
  const keyRows = input.rows.filter((r) => r.team.keyLearning);
  if (keyRows.length === 0) blocks.push({ kind: 'placeholder', text: '[Mark key practice learning events in the chronology to draft this overview.]' });
  else blocks.push({ kind: 'bullets', items: keyRows.map((r) => `${formatChronologyDate(r.date)} (${r.agencyCode}): ${clip(p(r.keyEvent), OVERVIEW_EVENT_CHARS)}`) });

  h(1, 'Analysis');
  prompt('analysis');
  const byId = new Map(input.rows.map((r) => [r.id, r]));
  const lpNumber = new Map(d.learningPoints.map((lp, i) => [lp.id, i + 1]));
  const themes = d.themes.length > 0 ? d.themes : kloes.map((k, i) => ({ id: `kloe-${i + 1}`, title: k, analysis: '', entryIds: [] as string[], promptIds: [] as string[] }));
  for (const theme of themes) {
    h(2, p(theme.title));
    const events = theme.entryIds.map((id) => byId.get(id)).filter((r): r is IntegratedRow => !!r);
    if (events.length > 0)
      blocks.push({ kind: 'bullets', items: events.map((r) => `${formatChronologyDate(r.date)} (${r.agencyCode}): ${clip(p(r.keyEvent), OVERVIEW_EVENT_CHARS)}`) });
    const reflections = (input.workshop?.prompts ?? []).filter((wp) => theme.promptIds.includes(wp.id)).flatMap((wp) => wp.responses);
    if (reflections.length > 0) {
      h(3, 'Practitioners\u2019 reflections');
      for (const r of reflections) blocks.push({ kind: 'quote', text: p(r) });
    }
    text(theme.analysis, '[Why did this happen? Analysis to be written.]');
    d.learningPoints
      .filter((lp) => lp.themeId === theme.id)
      .forEach((lp) => {
        blocks.push({ kind: 'learning-point', number: lpNumber.get(lp.id)!, text: p(lp.text) });
      });
  }
  if (themes.length === 0) blocks.push({ kind: 'placeholder', text: '[Add a theme for each key line of enquiry.]' });

  h(1, 'Good practice');
  prompt('good-practice');
  text(d.goodPractice, '[Examples of good practice.]');
  const good = input.workshop?.goodPractice;
  if (good && (good.notes.trim() || good.responses.length > 0)) {
    h(2, 'From the Reflective Learning Workshop');
    if (good.notes.trim()) text(good.notes, '');
    if (good.responses.length > 0) {
      h(3, 'Practitioners\u2019 reflections on good practice');
      for (const r of good.responses) blocks.push({ kind: 'quote', text: p(r) });
    }
  }

  h(1, 'Learning points');
  prompt('learning-points');
  if (d.learningPoints.length === 0) blocks.push({ kind: 'placeholder', text: '[Learning points, numbered.]' });
  d.learningPoints.forEach((lp, i) => {
    const theme = themes.find((t) => t.id === lp.themeId);
    blocks.push({ kind: 'paragraph', text: `Learning Point ${i + 1}${theme ? ` (${p(theme.title)})` : ''}: ${p(lp.text)}` });
  });

  h(1, 'Recommendations');
  prompt('recommendations');
  if (d.recommendations.length === 0) blocks.push({ kind: 'placeholder', text: '[Recommendations, each linked to its learning points.]' });
  d.recommendations.forEach((r, i) => {
    const lps = r.learningPointIds.map((id) => lpNumber.get(id)).filter((n): n is number => n !== undefined);
    blocks.push({ kind: 'paragraph', text: `Recommendation ${i + 1}: ${p(r.text)}` });
    blocks.push({
      kind: 'bullets',
      items: [
        `Addressed to: ${p(r.organisation) || '[named organisation]'}`,
        `Learning points: ${lps.length > 0 ? lps.map((n) => `Learning Point ${n}`).join(', ') : '[link learning points]'}`,
        `How effectiveness will be measured: ${p(r.measure) || '[measure]'}`,
      ],
    });
  });

  h(1, 'Action plan');
  prompt('action-plan');
  const recNumber = new Map(d.recommendations.map((r, i) => [r.id, i + 1]));
  blocks.push({
    kind: 'table',
    header: ['Recommendation', 'Agreed actions', 'Responsible person', 'Timescale', 'Actions taken', 'Progress (RAG)', 'Evidence of impact'],
    rows:
      d.actionPlan.length > 0
        ? d.actionPlan.map((a) => [
            `Recommendation ${recNumber.get(a.recommendationId) ?? '?'}`,
            p(a.actions),
            p(a.responsible),
            p(a.timescale),
            p(a.actionsTaken),
            `${p(a.progress)} (${a.rag === 'not-started' ? 'not started' : a.rag.toUpperCase()})`,
            p(a.evidence),
          ])
        : d.recommendations.map((_, i) => [`Recommendation ${i + 1}`, '', '', '', '', '', '']),
  });

  // The glossary lists only acronyms the text above actually uses.
  const used = usedAcronyms(
    modelTexts({ title: '', marking: '', blocks })
      .map((t) => t.text)
      .join('\n'),
  );
  h(1, 'Glossary');
  if (used.length > 0) blocks.push({ kind: 'table', header: ['Term', 'Meaning'], rows: used.map((u) => [u.acronym, u.meaning]) });
  else blocks.push({ kind: 'paragraph', text: 'No acronyms are used.' });

  h(1, 'Appendix: terms of reference');
  if (kloes.length > 0) blocks.push({ kind: 'bullets', items: kloes.map(p) });
  else blocks.push({ kind: 'placeholder', text: '[Attach the agreed terms of reference.]' });

  return { title, marking: REPORT_MARKING, blocks };
}

/** The report's title, by the kind of review: a Rapid Review's report is not titled as an LCSPR. */
export function reportTitle(kind: 'rapid-review' | 'lcspr', childPseudonym: string): string {
  return `${kind === 'rapid-review' ? 'Rapid Review' : 'Local Child Safeguarding Practice Review'}: ${childPseudonym}`;
}
