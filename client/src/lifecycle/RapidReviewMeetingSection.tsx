import { PARTNER_TYPE_LABELS } from '../../../shared/schemas/records.js';
import { MAX_OBSERVERS, MAX_OMISSIONS, MAX_PARTICIPANTS } from '../../../shared/lifecycle/index.js';
import { DateField } from '../components/DateField.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { showDate } from '../lib/labels.js';
import { ListEditor } from './ListEditor.js';
import { QuorumNotice } from './QuorumNotice.js';
import { rrId } from './rapidReviewDraft.js';
import type { SectionProps } from './sectionProps.js';

/** Background information and who took part (Document 4, before Section 1). */
export function RapidReviewMeetingSection({ draft, update, view, errorFor }: SectionProps) {
  const bg = draft.background;
  const setBg = (k: keyof typeof bg) => (v: string) => update((d) => ({ ...d, background: { ...d.background, [k]: v } }));
  const agencyOptions = [{ value: '', label: 'Select an agency' }, ...view.agencies.map((a) => ({ value: a.id, label: `${a.name} (${PARTNER_TYPE_LABELS[a.partnerType]})` }))];
  return (
    <>
      <section className="form-section" aria-labelledby="rr-background-heading" id="rr-background">
        <h3 id="rr-background-heading">Background information</h3>
        <dl className="summary-list">
          <div>
            <dt>Name of child</dt>
            <dd>{view.child.name}</dd>
          </div>
          <div>
            <dt>Date of birth and age</dt>
            <dd>{view.child.dateOfBirthAndAge || 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Ethnicity</dt>
            <dd>{view.child.ethnicity || 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Gender</dt>
            <dd>{view.child.gender || 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Referral or notification date</dt>
            <dd>{showDate(view.review.referralDate)}</dd>
          </div>
        </dl>
        <p className="field__hint">The child’s details come from the people register; the referral date from Timescales.</p>
        <TextAreaField
          id={rrId('background.otherKeyDetails')}
          label="Other key details about the child"
          hint="For example, any disability, looked after, faith or religion."
          value={bg.otherKeyDetails}
          onChange={setBg('otherKeyDetails')}
          error={errorFor(rrId('background.otherKeyDetails'))}
        />
        <div className="date-range">
          <DateField
            id={rrId('background.incidentDate')}
            label="Date of death or serious incident"
            value={bg.incidentDate ?? ''}
            onChange={setBg('incidentDate')}
            error={errorFor(rrId('background.incidentDate'))}
          />
          <DateField
            id={rrId('background.ofstedNotifiedDate')}
            label="Date notified to Ofsted"
            value={bg.ofstedNotifiedDate ?? ''}
            onChange={setBg('ofstedNotifiedDate')}
            error={errorFor(rrId('background.ofstedNotifiedDate'))}
          />
          <DateField
            id={rrId('background.meetingDate')}
            label="Date of the Rapid Review meeting"
            value={bg.meetingDate ?? ''}
            onChange={setBg('meetingDate')}
            error={errorFor(rrId('background.meetingDate'))}
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby="rr-participants-heading" id="rr-people">
        <h3 id="rr-participants-heading">Participants, observers and omissions</h3>
        <ListEditor
          id={rrId('participants')}
          legend="List of participants"
          itemName="participant"
          max={MAX_PARTICIPANTS}
          hint="To be quorate, at least one participant each from the ICB, the police and the local authority. A participant counts for the partner type of their agency."
          items={draft.participants}
          onChange={(participants) => update((d) => ({ ...d, participants }))}
          blank={() => ({ name: '', role: '', agencyId: '' })}
          emptyText="No participants listed yet."
          renderItem={(p, i, set) => (
            <div className="label-row">
              <TextField
                id={rrId(`participants.${i}.name`)}
                label="Name"
                value={p.name}
                onChange={(v) => set({ ...p, name: v })}
                autoComplete="off"
                error={errorFor(rrId(`participants.${i}.name`))}
              />
              <TextField
                id={rrId(`participants.${i}.role`)}
                label="Job role or title"
                value={p.role}
                onChange={(v) => set({ ...p, role: v })}
                autoComplete="off"
                error={errorFor(rrId(`participants.${i}.role`))}
              />
              <SelectField
                id={rrId(`participants.${i}.agencyId`)}
                label="Agency or organisation"
                value={p.agencyId}
                onChange={(v) => set({ ...p, agencyId: v })}
                options={agencyOptions}
                error={errorFor(rrId(`participants.${i}.agencyId`))}
              />
            </div>
          )}
        />
        <QuorumNotice participants={draft.participants} agencies={view.agencies} />
        <ListEditor
          id={rrId('observers')}
          legend="Observers"
          itemName="observer"
          max={MAX_OBSERVERS}
          hint="Observers do not count towards the quorum."
          items={draft.observers}
          onChange={(observers) => update((d) => ({ ...d, observers }))}
          blank={() => ({ name: '', role: '', organisation: '' })}
          emptyText="No observers listed."
          renderItem={(o, i, set) => (
            <div className="label-row">
              <TextField
                id={rrId(`observers.${i}.name`)}
                label="Name"
                value={o.name}
                onChange={(v) => set({ ...o, name: v })}
                autoComplete="off"
                error={errorFor(rrId(`observers.${i}.name`))}
              />
              <TextField id={rrId(`observers.${i}.role`)} label="Job role or title" value={o.role} onChange={(v) => set({ ...o, role: v })} autoComplete="off" />
              <TextField id={rrId(`observers.${i}.organisation`)} label="Organisation" value={o.organisation} onChange={(v) => set({ ...o, organisation: v })} autoComplete="off" />
            </div>
          )}
        />
        <ListEditor
          id={rrId('omissions')}
          legend="Omissions to the list of participants"
          itemName="omission"
          max={MAX_OMISSIONS}
          hint="Any agency whose involvement would normally be expected but which was not there, and why."
          items={draft.omissions}
          onChange={(omissions) => update((d) => ({ ...d, omissions }))}
          blank={() => ({ agency: '', reason: '' })}
          emptyText="No omissions recorded."
          renderItem={(o, i, set) => (
            <>
              <TextField
                id={rrId(`omissions.${i}.agency`)}
                label="Agency"
                value={o.agency}
                onChange={(v) => set({ ...o, agency: v })}
                autoComplete="off"
                error={errorFor(rrId(`omissions.${i}.agency`))}
              />
              <TextAreaField id={rrId(`omissions.${i}.reason`)} label="Reason for the omission" value={o.reason} onChange={(v) => set({ ...o, reason: v })} />
            </>
          )}
        />
      </section>
    </>
  );
}
