import { useEffect, useReducer, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { reportTitle } from '../../../shared/report/assemble.js';
import type { ReportDraft } from '../../../shared/report/draft.js';
import { REPORT_MARKING } from '../../../shared/report/assemble.js';
import { apiRequest } from '../api/client.js';
import type { ReviewDetail } from '../api/schemas.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { ActionPlanPanel } from './ActionPlanPanel.js';
import { itemControlsId, type BuilderKit } from './builderKit.js';
import { draftReducer, sameDraft, type DraftList, type TextSection } from './draftReducer.js';
import { fieldIds, parseParticipants, saveErrorsFromApi, TEXT_LABELS, validateDraft } from './draftValidation.js';
import { EvidenceTracePanel } from './EvidenceTracePanel.js';
import { LearningPointsPanel } from './LearningPointsPanel.js';
import { RecommendationsPanel } from './RecommendationsPanel.js';
import { DraftResponseSchema, reportPaths } from './reportApi.js';
import { SectionPanel } from './SectionPanel.js';
import { SummaryLength } from './SummaryLength.js';
import { FamilyPanel, TermsPanel } from './TermsPanels.js';
import { ThemesPanel, type ThemeSources } from './ThemesPanel.js';
import { learningPointsToAdd } from './workshopLearningPoints.js';

const participantsOf = (d: ReportDraft) => (d.workshopParticipants === null ? '' : String(d.workshopParticipants));

/** The first field of the item at `index`, where focus goes when the item is added. */
function firstFieldOf(list: DraftList, d: ReportDraft, index: number): string {
  switch (list) {
    case 'keyLinesOfEnquiry':
      return fieldIds.kloe(index);
    case 'themes':
      return fieldIds.theme(d.themes[index]!.id, 'title');
    case 'learningPoints':
      return fieldIds.learningPoint(d.learningPoints[index]!.id, 'text');
    case 'recommendations':
      return fieldIds.recommendation(d.recommendations[index]!.id, 'text');
    case 'actionPlan':
      return fieldIds.action(index, 'recommendationId');
  }
}

/**
 * The lead reviewer's report builder, one panel per section of Document 19 in the report's order. The
 * draft lives here until Save sends the whole of it (PUT); problems are listed at the top and beside
 * their fields. `onDirtyChange` tells the tab whether there are unsaved changes.
 */
export function ReportBuilder({
  detail,
  initial,
  sources,
  workshopLearningPoints,
  hidden,
  onDirtyChange,
}: {
  detail: ReviewDetail;
  initial: ReportDraft;
  sources: ThemeSources;
  /** The workshop outcome's draft learning points, which one button adds to the list. */
  workshopLearningPoints: readonly string[];
  hidden: boolean;
  onDirtyChange(dirty: boolean): void;
}) {
  const reviewId = detail.review.id;
  const [draft, dispatch] = useReducer(draftReducer, initial);
  const [saved, setSaved] = useState(initial);
  const [participantsText, setParticipantsText] = useState(() => participantsOf(initial));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusIds, setFocusIds] = useState<string[] | null>(null);
  const latest = useRef(draft);
  latest.current = draft;

  const dirty = !sameDraft(draft, saved) || participantsText.trim() !== participantsOf(saved);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // Focus goes where a list change asked, once the change is on the page (the first one that can take it).
  useEffect(() => {
    if (!focusIds) return;
    for (const id of focusIds) {
      const el = document.getElementById(id) as HTMLButtonElement | null;
      if (el && !el.disabled) {
        el.focus();
        break;
      }
    }
    setFocusIds(null);
  }, [focusIds]);

  const kit: BuilderKit = {
    draft,
    dispatch,
    error: (id) => errors.find((e) => e.fieldId === id)?.message,
    add(list) {
      const next = draftReducer(draft, { type: 'add', list });
      if (next === draft) return;
      dispatch({ type: 'add', list });
      setFocusIds([firstFieldOf(list, next, next[list].length - 1)]);
    },
    move(list, index, by, what) {
      const next = draftReducer(draft, { type: 'move', list, index, by });
      dispatch({ type: 'move', list, index, by });
      const base = itemControlsId(list, next, index + by);
      setFocusIds([`${base}-${by < 0 ? 'up' : 'down'}`, `${base}-${by < 0 ? 'down' : 'up'}`]);
      setAnnouncement(`${what} moved to position ${index + by + 1} of ${next[list].length}.`);
    },
    remove(list, index, what) {
      const next = draftReducer(draft, { type: 'remove', list, index });
      dispatch({ type: 'remove', list, index });
      const rowsGone = draft.actionPlan.length - next.actionPlan.length;
      const extra = list === 'recommendations' && rowsGone > 0 ? `, with its ${rowsGone === 1 ? 'action plan row' : `${rowsGone} action plan rows`}` : '';
      setFocusIds([fieldIds.add(list)]);
      setAnnouncement(`${what} removed${extra}. Save the draft to keep this change.`);
    },
  };

  const addWorkshopPoints = () => {
    const texts = learningPointsToAdd(draft, workshopLearningPoints);
    if (texts.length === 0) {
      setAnnouncement('The workshop’s draft learning points are already in the list.');
      return;
    }
    const next = draftReducer(draft, { type: 'append-learning-points', texts });
    dispatch({ type: 'append-learning-points', texts });
    setFocusIds([fieldIds.learningPoint(next.learningPoints[draft.learningPoints.length]!.id, 'text')]);
    setAnnouncement(
      `${texts.length === 1 ? '1 learning point' : `${texts.length} learning points`} added from the workshop. Save the draft to keep ${texts.length === 1 ? 'it' : 'them'}.`,
    );
  };

  const onParticipants = (text: string) => {
    setParticipantsText(text);
    const parsed = parseParticipants(text);
    if (parsed.ok) dispatch({ type: 'set-participants', value: parsed.value });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setAnnouncement('');
    const checked = validateDraft(draft, participantsText);
    setErrors(checked.errors);
    setAttempt((n) => n + 1);
    if (!checked.body) return;
    const body = checked.body;
    setBusy(true);
    try {
      const res = await apiRequest('PUT', reportPaths.draft(reviewId), { body, schema: DraftResponseSchema });
      // The server returns the draft as stored (trimmed). Take it, unless more was typed while saving.
      if (sameDraft(latest.current, body)) {
        dispatch({ type: 'replace', draft: res.draft });
        setParticipantsText(participantsOf(res.draft));
      }
      setSaved(res.draft);
      setAnnouncement('The report draft was saved.');
    } catch (err) {
      setErrors(saveErrorsFromApi(err, body));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const textPanel = (id: string, field: TextSection, promptId: string, title: string, hint: string, rows = 6, after?: ReactNode) => (
    <SectionPanel id={id} title={title} promptId={promptId} removedPrompts={draft.removedPrompts} onTogglePrompt={(p) => dispatch({ type: 'toggle-prompt', promptId: p })}>
      <TextAreaField
        id={fieldIds.text(field)}
        label={TEXT_LABELS[field]}
        hint={hint}
        rows={rows}
        value={draft[field]}
        error={kit.error(fieldIds.text(field))}
        onChange={(value) => dispatch({ type: 'set-text', field, value })}
      />
      {after}
    </SectionPanel>
  );
  const togglePrompt = (promptId: string) => dispatch({ type: 'toggle-prompt', promptId });
  const saveBar = (where: 'top' | 'bottom') => (
    <div className="report-savebar">
      <p className="report-savebar__state" id={`report-save-state-${where}`}>
        {dirty ? <strong>You have unsaved changes.</strong> : 'All changes are saved.'}
      </p>
      <button type="submit" className="button" disabled={busy} aria-describedby={`report-save-state-${where}`}>
        {busy ? 'Saving…' : 'Save draft'}
      </button>
    </div>
  );
  const keyCount = sources.rows.filter((r) => r.team.keyLearning).length;
  const child = detail.review.childPseudonym;

  return (
    <div hidden={hidden}>
      <p>
        Write the report section by section, following Document 19. Everything you write is pseudonymised from the people register when the report is previewed or downloaded.
        Guidance appears in italics in the report until you remove it.
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <p className="live-line" role="status">
        {announcement}
      </p>
      <form onSubmit={save} noValidate aria-label="Report draft">
        {saveBar('top')}

        <SectionPanel id="report-title-page" title="Title page and contents" removedPrompts={draft.removedPrompts} onTogglePrompt={togglePrompt}>
          <p>
            Drawn from the review: &ldquo;{reportTitle(detail.review.kind, child)}&rdquo;, the partnership, the lead reviewer(s), today&rsquo;s date and the marking &ldquo;
            {REPORT_MARKING}&rdquo; on every page. The contents is a field that Word fills in when the document is opened.
          </p>
        </SectionPanel>
        {textPanel(
          'report-executive-summary',
          'executiveSummary',
          'executive-summary',
          'Executive summary',
          'No more than two pages. Leave a blank line between paragraphs.',
          8,
          <SummaryLength text={draft.executiveSummary} />,
        )}
        {textPanel('report-introduction', 'introduction', 'introduction', 'Introduction', 'Leave a blank line between paragraphs.')}
        {textPanel(
          'report-about-the-child',
          'aboutTheChild',
          'about-the-child',
          `About ${child}`,
          'Draw on the lived-experience notes from the workshop. Leave a blank line between paragraphs.',
        )}
        <TermsPanel kit={kit} detail={detail} participantsText={participantsText} onParticipants={onParticipants} />
        <FamilyPanel kit={kit} />
        <SectionPanel id="report-overview" title="What happened: a brief overview" promptId="overview" removedPrompts={draft.removedPrompts} onTogglePrompt={togglePrompt}>
          <p>
            {sources.rowsProblem
              ? 'The chronology could not be loaded here; the overview is still drafted from it when the report is previewed or downloaded.'
              : keyCount === 0
                ? 'Drafted from the key practice learning events in the chronology. None are marked yet: mark them in the chronology to draft this overview.'
                : `Drafted from the ${keyCount === 1 ? '1 key practice learning event' : `${keyCount} key practice learning events`} in the chronology, in date order, concise and pseudonymised.`}
          </p>
        </SectionPanel>
        <ThemesPanel kit={kit} sources={sources} />
        {textPanel('report-good-practice', 'goodPractice', 'good-practice', 'Good practice', 'Examples of good practice at all levels. Leave a blank line between paragraphs.')}
        <LearningPointsPanel kit={kit} workshopPoints={workshopLearningPoints.length} onAddWorkshopPoints={addWorkshopPoints} />
        <RecommendationsPanel kit={kit} />
        <ActionPlanPanel kit={kit} />
        <EvidenceTracePanel
          reviewId={reviewId}
          agencies={detail.agencies}
          kit={kit}
          removedPrompts={draft.removedPrompts}
          onTogglePrompt={togglePrompt}
          onAnnounce={setAnnouncement}
        />
        <SectionPanel id="report-glossary" title="Glossary and appendix" removedPrompts={draft.removedPrompts} onTogglePrompt={togglePrompt}>
          <p>
            The glossary lists only the acronyms the report actually uses (for example MASH, ICB, S47, CAMHS, GP). The appendix repeats the key lines of enquiry from the terms of
            reference. The genogram is never included.
          </p>
        </SectionPanel>

        {saveBar('bottom')}
      </form>
    </div>
  );
}
