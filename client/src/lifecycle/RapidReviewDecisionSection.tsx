import { MAX_KLOES, RECOMMENDATION_LABELS, RecommendationSchema } from '../../../shared/lifecycle/index.js';
import { DateField } from '../components/DateField.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { ListEditor } from './ListEditor.js';
import { rrId } from './rapidReviewDraft.js';
import type { SectionProps } from './sectionProps.js';

/** Section 3 (recommendation), the sign off, and the covering letter to the National Panel. */
export function RapidReviewDecisionSection({ draft, update, errorFor }: SectionProps) {
  const so = draft.signOff;
  const setSo = (k: keyof typeof so) => (v: string) => update((d) => ({ ...d, signOff: { ...d.signOff, [k]: v } }));
  const pl = draft.panelLetter;
  const setPl = (k: keyof typeof pl) => (v: string) => update((d) => ({ ...d, panelLetter: { ...d.panelLetter, [k]: v } }));
  return (
    <>
      <section className="form-section" aria-labelledby="rr-s3-heading" id="rr-section-3">
        <h3 id="rr-s3-heading">Section 3: Recommendation</h3>
        <RadioGroup
          id={rrId('recommendation')}
          name="rr-recommendation"
          legend="After completing this Rapid Review, it has been agreed that this case:"
          value={draft.recommendation ?? ''}
          onChange={(v) => update((d) => ({ ...d, recommendation: RecommendationSchema.parse(v) }))}
          options={RecommendationSchema.options.map((r) => ({ value: r, label: `${r}) ${RECOMMENDATION_LABELS[r]}` }))}
          error={errorFor(rrId('recommendation'))}
        />
        {draft.recommendation === 'd' && (
          <TextField
            id={rrId('otherReviewType')}
            label="Please state which review"
            hint="For example, a domestic homicide review (DHR) or safeguarding adults review (SAR)."
            value={draft.otherReviewType}
            onChange={(v) => update((d) => ({ ...d, otherReviewType: v }))}
            error={errorFor(rrId('otherReviewType'))}
            autoComplete="off"
          />
        )}
        <ListEditor
          id={rrId('proposedKloes')}
          legend="Proposed key lines of enquiry for the LCSPR"
          itemName="key line of enquiry"
          max={MAX_KLOES}
          hint="If the decision is to progress to a review. They can be carried into the terms of reference."
          items={draft.proposedKloes}
          onChange={(proposedKloes) => update((d) => ({ ...d, proposedKloes }))}
          blank={() => ''}
          emptyText="None proposed yet."
          renderItem={(k, i, set) => (
            <TextAreaField id={rrId(`proposedKloes.${i}`)} label="Key line of enquiry" rows={2} value={k} onChange={set} error={errorFor(rrId(`proposedKloes.${i}`))} />
          )}
        />
        <TextAreaField
          id={rrId('reasons')}
          label="Reasons for the recommendation"
          rows={6}
          hint="Including the potential for additional learning. If the decision is not to proceed, explain why no further learning is expected."
          value={draft.reasons}
          onChange={(v) => update((d) => ({ ...d, reasons: v }))}
          error={errorFor(rrId('reasons'))}
        />
      </section>

      <section className="form-section" aria-labelledby="rr-signoff-heading" id="rr-sign-off">
        <h3 id="rr-signoff-heading">Sign off</h3>
        <TextAreaField
          id={rrId('signOff.ratification')}
          label="How the three safeguarding partners ratified the Rapid Review"
          rows={3}
          value={so.ratification}
          onChange={setSo('ratification')}
          error={errorFor(rrId('signOff.ratification'))}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Executive responsibility for the decision</legend>
          <div className="label-row">
            <TextField id={rrId('signOff.localAuthorityLead')} label="Local authority" value={so.localAuthorityLead} onChange={setSo('localAuthorityLead')} autoComplete="off" />
            <TextField id={rrId('signOff.policeLead')} label="Police" value={so.policeLead} onChange={setSo('policeLead')} autoComplete="off" />
            <TextField id={rrId('signOff.icbLead')} label="Integrated Care Board" value={so.icbLead} onChange={setSo('icbLead')} autoComplete="off" />
          </div>
        </fieldset>
        <TextField
          id={rrId('signOff.endorsedBy')}
          label="Endorsed by (independent chair or scrutineer, if any)"
          value={so.endorsedBy}
          onChange={setSo('endorsedBy')}
          autoComplete="off"
        />
        <DateField
          id={rrId('signOff.dateSubmitted')}
          label="Date submitted to the National Panel"
          value={so.dateSubmitted ?? ''}
          onChange={setSo('dateSubmitted')}
          error={errorFor(rrId('signOff.dateSubmitted'))}
        />
      </section>

      <section className="form-section" aria-labelledby="rr-letter-heading" id="rr-letter">
        <h3 id="rr-letter-heading">Letter to the National Panel</h3>
        <p className="field__hint">The covering letter (Document 5) is written from the record: the notification date, whether the meeting was quorate, and the recommendation.</p>
        <div className="label-row">
          <DateField
            id={rrId('panelLetter.letterDate')}
            label="Date of the letter"
            hint="Leave blank for the day it is downloaded."
            value={pl.letterDate ?? ''}
            onChange={setPl('letterDate')}
            error={errorFor(rrId('panelLetter.letterDate'))}
          />
          <TextField id={rrId('panelLetter.panelChairName')} label="Name of the Panel Chair" value={pl.panelChairName} onChange={setPl('panelChairName')} autoComplete="off" />
        </div>
        <TextField
          id={rrId('panelLetter.caseReference')}
          label="Case name or reference"
          hint="Leave blank to use the review’s title."
          value={pl.caseReference}
          onChange={setPl('caseReference')}
          autoComplete="off"
        />
        <TextAreaField id={rrId('panelLetter.contactDetails')} label="Contact details for questions" rows={2} value={pl.contactDetails} onChange={setPl('contactDetails')} />
        <div className="label-row">
          <TextField id={rrId('panelLetter.signatoryName')} label="Signed by" value={pl.signatoryName} onChange={setPl('signatoryName')} autoComplete="off" />
          <TextField id={rrId('panelLetter.signatoryTitle')} label="Their title" value={pl.signatoryTitle} onChange={setPl('signatoryTitle')} autoComplete="off" />
        </div>
      </section>
    </>
  );
}
