import { CRITERIA, CRITERION_LABELS, DISCUSSION_FIELDS, DISCUSSION_LABELS, type Criterion } from '../../../shared/lifecycle/index.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { showDate } from '../lib/labels.js';
import { FamilyTable } from './FamilyTable.js';
import { rrId } from './rapidReviewDraft.js';
import type { SectionProps } from './sectionProps.js';

/** Adds text to a field on a new paragraph, unless the field already holds it. */
function appendOnce(current: string, addition: string): string {
  if (!addition.trim() || current.includes(addition.trim())) return current;
  return current.trim() ? `${current.trimEnd()}\n\n${addition}` : addition;
}

/** Ticks one criterion; "None of the above" and the others exclude each other, as the template intends. */
function toggle(list: readonly Criterion[], c: Criterion, on: boolean): Criterion[] {
  if (!on) return list.filter((x) => x !== c);
  if (c === 'none-of-the-above') return ['none-of-the-above'];
  return [...list.filter((x) => x !== 'none-of-the-above' && x !== c), c];
}

/** Section 1 (case background) and Section 2 (consideration of the case, criteria and discussion). */
export function RapidReviewConsiderationSection({ draft, update, view, errorFor, readOnly }: SectionProps & { readOnly: boolean }) {
  const s = view.scoping;
  return (
    <>
      <section className="form-section" aria-labelledby="rr-s1-heading" id="rr-section-1">
        <h3 id="rr-s1-heading">Section 1: Case background</h3>
        <FamilyTable rows={view.family} skipped={view.skipped} caption="Details of family members and significant others" />
        <p className="field__hint">From the people register; change it there.</p>
        <TextAreaField
          id={rrId('caseSummary')}
          label="Case summary"
          rows={8}
          hint="A concise outline of the child and family circumstances and the incident that triggered this Rapid Review."
          value={draft.caseSummary}
          onChange={(v) => update((d) => ({ ...d, caseSummary: v }))}
          error={errorFor(rrId('caseSummary'))}
        />
        <TextAreaField
          id={rrId('documentationAvailable')}
          label="Documentation available to this Rapid Review"
          rows={4}
          hint="List the documents referred to. Do not embed them."
          value={draft.documentationAvailable}
          onChange={(v) => update((d) => ({ ...d, documentationAvailable: v }))}
          error={errorFor(rrId('documentationAvailable'))}
        />
        {!readOnly && s.documentationText && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => update((d) => ({ ...d, documentationAvailable: appendOnce(d.documentationAvailable, s.documentationText) }))}
          >
            Add the agencies’ scoping returns to the documentation list
          </button>
        )}
      </section>

      <section className="form-section" aria-labelledby="rr-s2-heading" id="rr-section-2">
        <h3 id="rr-s2-heading">Section 2: Consideration of case, criteria and guidance</h3>
        <h4>2.1 Immediate safeguarding arrangements of any children involved</h4>
        <RadioGroup
          id={rrId('immediateAction.allTaken')}
          name="rr-immediate"
          inline
          legend="Has all appropriate immediate action been taken to ensure children’s safety and share any learning appropriately?"
          value={draft.immediateAction.allTaken ?? ''}
          onChange={(v) => update((d) => ({ ...d, immediateAction: { ...d.immediateAction, allTaken: v === 'yes' ? 'yes' : 'no' } }))}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          error={errorFor(rrId('immediateAction.allTaken'))}
        />
        <TextAreaField
          id={rrId('immediateAction.details')}
          label="Details of the action taken"
          hint="If no: what actions need to be taken, when, and by whom."
          value={draft.immediateAction.details}
          onChange={(v) => update((d) => ({ ...d, immediateAction: { ...d.immediateAction, details: v } }))}
        />

        <h4>2.2 Identifying improvements to safeguard and promote the welfare of children</h4>
        <fieldset className="fieldset" id={rrId('criteria')}>
          <legend className="fieldset__legend">The case has the potential to meet these criteria from Working Together 2023</legend>
          <p className="field__hint">Tick all that are relevant, as agreed by all participants.</p>
          {errorFor(rrId('criteria')) && <p className="field__error">{errorFor(rrId('criteria'))}</p>}
          {CRITERIA.map((c) => (
            <CheckboxField
              key={c}
              id={`rr-criterion-${c}`}
              label={CRITERION_LABELS[c]}
              checked={draft.criteria.includes(c)}
              onChange={(on) => update((d) => ({ ...d, criteria: toggle(d.criteria, c, on) }))}
            />
          ))}
        </fieldset>

        <h4>2.3 Rapid Review discussions</h4>
        {s.returned.length > 0 && (
          <details className="panel">
            <summary>
              What the agencies returned ({s.returned.length} {s.returned.length === 1 ? 'form' : 'forms'})
            </summary>
            {s.returned.map((r) => (
              <div key={r.agencyName} className="scoping-return">
                <h5>
                  {r.agencyName}
                  {r.returnedOn ? `, returned ${showDate(r.returnedOn)}` : ''}
                </h5>
                <dl className="summary-list summary-list--compact">
                  <div>
                    <dt>Summary of involvement</dt>
                    <dd className="pre-wrap">{r.form.summaryOfInvolvement || 'Not completed'}</dd>
                  </div>
                  <div>
                    <dt>Brief analysis</dt>
                    <dd className="pre-wrap">{r.form.briefAnalysis || 'Not completed'}</dd>
                  </div>
                  <div>
                    <dt>Concerns about working together</dt>
                    <dd className="pre-wrap">{r.form.partnershipConcerns || 'Not completed'}</dd>
                  </div>
                </dl>
              </div>
            ))}
            {s.notKnown.length > 0 && <p>Not known to: {s.notKnown.map((n) => n.agencyName).join(', ')}.</p>}
            {s.outstanding.length > 0 && <p>Still to answer: {s.outstanding.map((n) => n.agencyName).join(', ')}.</p>}
          </details>
        )}
        {DISCUSSION_FIELDS.map((k) => (
          <div key={k}>
            <TextAreaField
              id={rrId(`discussion.${k}`)}
              label={DISCUSSION_LABELS[k]}
              rows={k === 'discussion' || k === 'immediateLearning' ? 6 : 3}
              value={draft.discussion[k]}
              onChange={(v) => update((d) => ({ ...d, discussion: { ...d.discussion, [k]: v } }))}
              error={errorFor(rrId(`discussion.${k}`))}
            />
            {k === 'previousInvolvement' && !readOnly && s.involvementText && (
              <button
                type="button"
                className="button button--secondary button--small field-action"
                onClick={() => update((d) => ({ ...d, discussion: { ...d.discussion, previousInvolvement: appendOnce(d.discussion.previousInvolvement, s.involvementText) } }))}
              >
                Add the agencies’ summaries of involvement
              </button>
            )}
          </div>
        ))}
      </section>
    </>
  );
}
