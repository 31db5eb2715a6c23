import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { reportTitle } from '../../../shared/report/assemble.js';
import type { ReportDraft } from '../../../shared/report/draft.js';
import { REPORT_MARKING } from '../../../shared/report/assemble.js';
import type { ReviewDetail } from '../api/schemas.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { ActionPlanPanel } from './ActionPlanPanel.js';
import { itemControlsId, type BuilderKit } from './builderKit.js';
import { draftReducer, type DraftAction, type DraftList, type TextSection } from './draftReducer.js';
import { fieldIds, parseParticipants, TEXT_LABELS, validateDraft } from './draftValidation.js';
import { EvidenceTracePanel } from './EvidenceTracePanel.js';
import { newIdSalt } from './ids.js';
import { LearningPointsPanel } from './LearningPointsPanel.js';
import { RecommendationsPanel } from './RecommendationsPanel.js';
import { ReportTextArea } from './ReportTextArea.js';
import { SectionPanel } from './SectionPanel.js';
import { SummaryLength } from './SummaryLength.js';
import { FamilyPanel, TermsPanel } from './TermsPanels.js';
import { ThemesPanel, type ThemeSources } from './ThemesPanel.js';
import { useDisabledControls } from './useDisabledControls.js';
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
 * The report builder, one panel per section of Document 19 in the report's order. It edits the draft's
 * shared document directly: every keystroke and choice is written as it is made and saved by the sync
 * server, so there is no Save button; long text is collaborative (others' carets shown), and short
 * fields and lists update live. "Check the draft" lists what would keep an item out of the report, at
 * the top and beside each field. `readOnly` shows it all live to a member who may only read it.
 */
export function ReportBuilder({
  detail,
  draft,
  doc,
  awareness,
  change,
  readOnly,
  sources,
  workshopLearningPoints,
  hidden,
  onEditing,
}: {
  detail: ReviewDetail;
  /** The draft as the shared document holds it now. */
  draft: ReportDraft;
  doc: Y.Doc;
  awareness: Awareness | null;
  /** Applies one change to the shared document. */
  change(action: DraftAction): void;
  readOnly: boolean;
  sources: ThemeSources;
  /** The workshop outcome's draft learning points, which one button adds to the list. */
  workshopLearningPoints: readonly string[];
  hidden: boolean;
  /** Told which section this person is in (its title), or null, for the others' presence list. */
  onEditing(section: string | null): void;
}) {
  const reviewId = detail.review.id;
  const [participantsText, setParticipantsText] = useState(() => participantsOf(draft));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [focusIds, setFocusIds] = useState<string[] | null>(null);
  // A reader's short controls are disabled; the long texts stay focusable and selectable, read only.
  const controls = useRef<HTMLFieldSetElement>(null);
  useDisabledControls(controls, readOnly);

  // A number typed elsewhere replaces what this box shows, unless it already reads as that number.
  useEffect(() => {
    setParticipantsText((text) => {
      const parsed = parseParticipants(text);
      return parsed.ok && parsed.value === draft.workshopParticipants ? text : participantsOf(draft);
    });
  }, [draft]);

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
    dispatch: change,
    doc,
    awareness,
    readOnly,
    error: (id) => errors.find((e) => e.fieldId === id)?.message,
    add(list) {
      // One salt for both, so the item focused is the item written (and a co-author's new item never shares its id).
      const action: DraftAction = { type: 'add', list, salt: newIdSalt() };
      const next = draftReducer(draft, action);
      if (next === draft) return;
      change(action);
      setFocusIds([firstFieldOf(list, next, next[list].length - 1)]);
    },
    move(list, index, by, what) {
      const next = draftReducer(draft, { type: 'move', list, index, by });
      change({ type: 'move', list, index, by });
      const base = itemControlsId(list, next, index + by);
      setFocusIds([`${base}-${by < 0 ? 'up' : 'down'}`, `${base}-${by < 0 ? 'down' : 'up'}`]);
      setAnnouncement(`${what} moved to position ${index + by + 1} of ${next[list].length}.`);
    },
    remove(list, index, what) {
      const next = draftReducer(draft, { type: 'remove', list, index });
      change({ type: 'remove', list, index });
      const rowsGone = draft.actionPlan.length - next.actionPlan.length;
      const extra = list === 'recommendations' && rowsGone > 0 ? `, with its ${rowsGone === 1 ? 'action plan row' : `${rowsGone} action plan rows`}` : '';
      setFocusIds([fieldIds.add(list)]);
      setAnnouncement(`${what} removed${extra}.`);
    },
  };

  const addWorkshopPoints = () => {
    const texts = learningPointsToAdd(draft, workshopLearningPoints);
    if (texts.length === 0) {
      setAnnouncement('The workshop’s draft learning points are already in the list.');
      return;
    }
    const action: DraftAction = { type: 'append-learning-points', texts, salt: newIdSalt() };
    const next = draftReducer(draft, action);
    change(action);
    setFocusIds([fieldIds.learningPoint(next.learningPoints[draft.learningPoints.length]!.id, 'text')]);
    setAnnouncement(`${texts.length === 1 ? '1 learning point' : `${texts.length} learning points`} added from the workshop.`);
  };

  const onParticipants = (text: string) => {
    setParticipantsText(text);
    const parsed = parseParticipants(text);
    if (parsed.ok) change({ type: 'set-participants', value: parsed.value });
  };

  // Everything is saved as it is typed; the check only says what would keep an item out of the report.
  const check = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateDraft(draft, participantsText);
    setErrors(checked.errors);
    setAttempt((n) => n + 1);
    setAnnouncement(checked.errors.length === 0 ? 'The draft has no problems.' : '');
  };

  // Which section this person is in, for the others' presence list (the section's title, never its text).
  const onFocusIn = (e: React.FocusEvent<HTMLFormElement>) => {
    const heading = (e.target as Element).closest('section.report-panel')?.querySelector('h3')?.textContent ?? null;
    onEditing(heading);
  };

  const textPanel = (id: string, field: TextSection, promptId: string, title: string, hint: string, rows = 6, after?: ReactNode) => (
    <SectionPanel id={id} title={title} promptId={promptId} removedPrompts={draft.removedPrompts} onTogglePrompt={(p) => change({ type: 'toggle-prompt', promptId: p })}>
      <ReportTextArea kit={kit} id={fieldIds.text(field)} label={TEXT_LABELS[field]} hint={hint} rows={rows} root="sections" itemId={field} field="text" />
      {after}
    </SectionPanel>
  );
  const togglePrompt = (promptId: string) => change({ type: 'toggle-prompt', promptId });
  const keyCount = sources.rows.filter((r) => r.team.keyLearning).length;
  const child = detail.review.childPseudonym;

  return (
    <div hidden={hidden}>
      <p>
        {readOnly
          ? 'The lead reviewer’s draft, as it is being written. Only the lead reviewer can change it.'
          : 'Write the report section by section, following Document 19. Everything you write is saved as you type, and shared with anyone else writing the draft.'}{' '}
        Everything is pseudonymised from the people register when the report is previewed or downloaded. Guidance appears in italics in the report until it is removed.
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <p className="live-line" role="status">
        {announcement}
      </p>
      <form onSubmit={check} onFocus={onFocusIn} onBlur={() => onEditing(null)} noValidate aria-label="Report draft">
        <fieldset className="report-fieldset" ref={controls}>
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
        </fieldset>
        {!readOnly && (
          <p>
            <button type="submit" className="button button--secondary">
              Check the draft
            </button>
          </p>
        )}
      </form>
    </div>
  );
}
