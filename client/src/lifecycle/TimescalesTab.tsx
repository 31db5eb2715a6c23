import { useEffect, useState, type FormEvent } from 'react';
import { MILESTONE_KEYS, type MilestoneKey } from '../../../shared/milestones/index.js';
import { workingDaysPhrase } from '../../../shared/lifecycle/index.js';
import { apiRequest } from '../api/client.js';
import type { ReviewDetail } from '../api/schemas.js';
import { DateField } from '../components/DateField.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { TableWrap } from '../components/TableWrap.js';
import { useApiData } from '../hooks/useApiData.js';
import { showDate } from '../lib/labels.js';
import { DateCollector, isoToInput } from './dateInput.js';
import { dueText } from './MilestonesDashboard.js';
import { MilestoneStatusTag } from './MilestoneStatusTag.js';
import { ReviewMilestonesSchema, type ReviewMilestonesData } from './lifecycleSchemas.js';
import { SaveStatus } from './SaveStatus.js';
import { useLifecycleForm } from './useLifecycleForm.js';

/** A review's milestones, with the dates they are counted from; the lead reviewer and review team edit the dates. */
export function TimescalesTab({ detail }: { detail: ReviewDetail }) {
  const path = `/api/reviews/${encodeURIComponent(detail.review.id)}/lifecycle/milestones`;
  const ms = useApiData(path, ReviewMilestonesSchema);
  const [data, setData] = useState<ReviewMilestonesData | null>(null);
  // A fresh load (first, or a reload after a conflict) restarts the form; a save only updates the data.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (ms.data) {
      setData(ms.data);
      setGeneration((g) => g + 1);
    }
  }, [ms.data]);
  const t = data?.config;
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Timescales
      </h2>
      <p>
        Counted in working days (weekends and England and Wales bank holidays skipped) from the referral or notification date.
        {t &&
          ` This partnership's Rapid Review timetable: scoping requests within ${t.scopingDays} working days, agency returns within ${t.returnsDays}, the meeting between working days ${t.meetingFromDay} and ${t.meetingToDay}, and the National Panel within 15.`}
      </p>
      {ms.loading && !data && <LoadingMessage text="Loading timescales…" />}
      {ms.error && (
        <Notice tone="error" role="alert" title="Timescales could not be loaded">
          {ms.error}
        </Notice>
      )}
      {data && (
        <>
          {data.problem && (
            <Notice title={data.problemLabel ?? 'No milestones yet'}>
              <p>{data.mayEdit ? 'Add the date below to see the milestones.' : 'The lead reviewer or review team can add it.'}</p>
            </Notice>
          )}
          {data.milestones.length > 0 && (
            <TableWrap label="Milestones table">
              <table className="table" data-testid="milestones-table">
                <caption className="visually-hidden">Milestones of this review in the order they fall due</caption>
                <thead>
                  <tr>
                    <th scope="col">Milestone</th>
                    <th scope="col">Due</th>
                    <th scope="col">Working days</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {data.milestones.map((m) => (
                    <tr key={m.key} className={m.status === 'overdue' ? 'row--overdue' : undefined}>
                      <th scope="row">{m.label}</th>
                      <td>{dueText(m)}</td>
                      <td>{m.status === 'done' ? `Done ${showDate(m.doneOn)}` : workingDaysPhrase(m)}</td>
                      <td>
                        <MilestoneStatusTag status={m.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {data.mayEdit && <MilestonePlanForm key={generation} path={path} data={data} onSaved={setData} onReload={() => void ms.reload()} />}
        </>
      )}
    </>
  );
}

const ID = (k: string) => `plan-${k}`;

/** The dates milestones are counted from, and milestones marked done by hand. */
function MilestonePlanForm({ path, data, onSaved, onReload }: { path: string; data: ReviewMilestonesData; onSaved(d: ReviewMilestonesData): void; onReload(): void }) {
  const [referral, setReferral] = useState(isoToInput(data.review.referralDate));
  const [decision, setDecision] = useState(isoToInput(data.plan.decisionDate));
  const [publication, setPublication] = useState(isoToInput(data.plan.publicationDate));
  const [done, setDone] = useState<Partial<Record<MilestoneKey, string>>>(() => Object.fromEntries(Object.entries(data.plan.completed).map(([k, v]) => [k, isoToInput(v)])));
  const form = useLifecycleForm('plan', '');
  const shown = MILESTONE_KEYS.filter((k) => data.milestones.some((m) => m.key === k));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const dates = new DateCollector();
    const referralDate = dates.take(referral, ID('referralDate'), 'Referral or notification date');
    const decisionDate = dates.take(decision, ID('decisionDate'), 'LCSPR decision date');
    const publicationDate = dates.take(publication, ID('publicationDate'), 'Planned publication date');
    const completed: Partial<Record<MilestoneKey, string>> = {};
    for (const k of shown) {
      const iso = dates.take(done[k] ?? '', ID(`completed-${k}`), data.milestones.find((m) => m.key === k)!.label);
      if (iso) completed[k] = iso;
    }
    await form.run(dates.errors, async () => {
      const saved = await apiRequest('PUT', path, {
        body: { baseVersion: data.plan.version, referralDate, decisionDate, publicationDate, completed },
        schema: ReviewMilestonesSchema,
      });
      onSaved(saved);
    });
  };

  return (
    <section className="panel" aria-labelledby="plan-heading">
      <h3 id="plan-heading">Dates the milestones are counted from</h3>
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <form onSubmit={submit} noValidate>
        {data.review.kind === 'rapid-review' && (
          <DateField id={ID('referralDate')} label="Referral or notification date" value={referral} onChange={setReferral} error={form.errorFor(ID('referralDate'))} />
        )}
        <DateField
          id={ID('decisionDate')}
          label="LCSPR decision date"
          hint="When the partners decided to hold a local review; it should finish within six months. For example, 27/03/2026"
          value={decision}
          onChange={setDecision}
          error={form.errorFor(ID('decisionDate'))}
        />
        <DateField
          id={ID('publicationDate')}
          label="Planned publication date"
          hint="The final report goes to the National Panel, Ofsted and the DfE at least 7 working days before. For example, 27/03/2026"
          value={publication}
          onChange={setPublication}
          error={form.errorFor(ID('publicationDate'))}
        />
        {shown.length > 0 && (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">Milestones done</legend>
            <p className="field__hint">Review Room marks most Rapid Review milestones done from the scoping and the record. Enter a date only to mark one done yourself.</p>
            {shown.map((k) => (
              <DateField
                key={k}
                id={ID(`completed-${k}`)}
                label={data.milestones.find((m) => m.key === k)!.label}
                value={done[k] ?? ''}
                onChange={(v) => setDone((d) => ({ ...d, [k]: v }))}
                error={form.errorFor(ID(`completed-${k}`))}
              />
            ))}
          </fieldset>
        )}
        <button type="submit" className="button" disabled={form.save.kind === 'saving'}>
          Save the dates
        </button>
        <SaveStatus state={form.save} onReload={onReload} />
      </form>
    </section>
  );
}
