import type { ReviewDetail } from '../api/schemas.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { TextField } from '../components/TextField.js';
import { showDate } from '../lib/labels.js';
import type { BuilderKit } from './builderKit.js';
import { itemControlsId } from './builderKit.js';
import { MAX_ITEMS } from './draftReducer.js';
import { fieldIds } from './draftValidation.js';
import { ItemControls } from './ItemControls.js';
import { ReportTextArea } from './ReportTextArea.js';
import { SectionPanel } from './SectionPanel.js';

/** Terms of reference and methodology: key lines of enquiry, the period, the agencies and the workshop. */
export function TermsPanel({
  kit,
  detail,
  participantsText,
  onParticipants,
}: {
  kit: BuilderKit;
  detail: ReviewDetail;
  participantsText: string;
  onParticipants(text: string): void;
}) {
  const { draft } = kit;
  const { review, agencies } = detail;
  const full = draft.keyLinesOfEnquiry.length >= MAX_ITEMS.keyLinesOfEnquiry;
  return (
    <SectionPanel
      id="report-terms"
      title="Terms of reference and methodology"
      promptId="terms-of-reference"
      removedPrompts={draft.removedPrompts}
      onTogglePrompt={(promptId) => kit.dispatch({ type: 'toggle-prompt', promptId })}
    >
      <h4>Key lines of enquiry</h4>
      <p className="field__hint">
        The questions the review set out to answer. Agreed terms of reference take their place when they are recorded. Without themes, each one heads a section of the analysis.
      </p>
      {draft.keyLinesOfEnquiry.length > 0 && (
        <ol className="report-items">
          {draft.keyLinesOfEnquiry.map((k, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: key lines of enquiry are plain strings with no ids; an item is its position (field ids, labels and edits are by index)
            <li className="report-item report-item--compact" key={i}>
              <TextField
                id={fieldIds.kloe(i)}
                label={`Key line of enquiry ${i + 1}`}
                value={k}
                error={kit.error(fieldIds.kloe(i))}
                onChange={(value) => kit.dispatch({ type: 'set-kloe', index: i, value })}
                autoComplete="off"
              />
              <ItemControls
                baseId={itemControlsId('keyLinesOfEnquiry', draft, i)}
                what={`key line of enquiry ${i + 1}`}
                index={i}
                count={draft.keyLinesOfEnquiry.length}
                onMove={(by) => kit.move('keyLinesOfEnquiry', i, by, `Key line of enquiry ${i + 1}`)}
                onRemove={() => kit.remove('keyLinesOfEnquiry', i, `Key line of enquiry ${i + 1}`)}
              />
            </li>
          ))}
        </ol>
      )}
      <p>
        <button type="button" id={fieldIds.add('keyLinesOfEnquiry')} className="button button--secondary" disabled={full} onClick={() => kit.add('keyLinesOfEnquiry')}>
          Add a key line of enquiry
        </button>
      </p>
      {full && <p className="muted">The report holds at most {MAX_ITEMS.keyLinesOfEnquiry} key lines of enquiry.</p>}

      <h4>Time period and agencies</h4>
      <p>
        {review.periodStart && review.periodEnd
          ? `The report gives the period under review from the review's details: ${showDate(review.periodStart)} to ${showDate(review.periodEnd)}.`
          : 'The period under review is not recorded in the review\u2019s details yet, so the report shows a placeholder.'}
      </p>
      <p>
        The report lists {agencies.length === 1 ? 'the 1 agency' : `the ${agencies.length} agencies`} in this review
        {agencies.length > 0 ? ` (${agencies.map((a) => a.shortCode).join(', ')})` : ''} and says which provided a key events chronology.
      </p>

      <h4>Reflective Learning Workshop</h4>
      <TextField
        id={fieldIds.participants}
        label="Number of practitioners and managers at the workshop"
        inputMode="numeric"
        className="input--short"
        hint="A whole number. Leave it blank until you know; the report then says [number]."
        autoComplete="off"
        value={participantsText}
        onChange={onParticipants}
        error={kit.error(fieldIds.participants)}
      />
    </SectionPanel>
  );
}

/** Family involvement: whether the family contributed, and the statement (with reasons if they did not). */
export function FamilyPanel({ kit }: { kit: BuilderKit }) {
  const { draft } = kit;
  const value = draft.familyInvolved === null ? 'unknown' : draft.familyInvolved ? 'yes' : 'no';
  return (
    <SectionPanel
      id="report-family"
      title="Family involvement"
      promptId="family-involvement"
      removedPrompts={draft.removedPrompts}
      onTogglePrompt={(promptId) => kit.dispatch({ type: 'toggle-prompt', promptId })}
    >
      <RadioGroup
        id={fieldIds.familyInvolved}
        name="report-family-involved"
        legend="Did the child or family contribute to the review?"
        value={value}
        error={kit.error(fieldIds.familyInvolved)}
        onChange={(v) => kit.dispatch({ type: 'set-family-involved', value: v === 'unknown' ? null : v === 'yes' })}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No', hint: 'Section 9.1.5: the report must say briefly why.' },
          { value: 'unknown', label: 'Not recorded yet' },
        ]}
      />
      <ReportTextArea
        kit={kit}
        id={fieldIds.text('familyInvolvementStatement')}
        label="Statement on the family's involvement"
        hint={draft.familyInvolved === false ? 'Give the reasons the family did not contribute.' : 'How the family contributed and how their views shaped the review.'}
        rows={4}
        root="sections"
        itemId="familyInvolvementStatement"
        field="text"
      />
    </SectionPanel>
  );
}
