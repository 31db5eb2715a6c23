import { useState } from 'react';
import { formatUkDate } from '../../../shared/dates.js';
import type { ReviewDetail } from '../api/schemas.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { SelectField } from '../components/SelectField.js';
import { useApiData } from '../hooks/useApiData.js';
import { WorkshopListSchema, workshopPath } from './api.js';
import { STAGE_LABELS } from './consoleModel.js';
import { CreateWorkshopForm } from './CreateWorkshopForm.js';
import { WorkshopPanel } from './WorkshopPanel.js';

/**
 * The workspace's Workshop tab: the lead reviewer creates, sets up and runs the Reflective Learning
 * Workshop; the review team may watch. Other members are told who can see it (the server refuses them).
 */
export function WorkshopTab({ detail }: { detail: ReviewDetail }) {
  const role = detail.membership.role;
  const allowed = role === 'lead-reviewer' || role === 'review-team';
  return (
    <div className="ws-tab">
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Workshop
      </h2>
      {allowed ? (
        <Workshops detail={detail} lead={role === 'lead-reviewer'} />
      ) : (
        <p>Only the lead reviewer and the review team can see the workshop. Practitioners take part through the link the lead reviewer shares.</p>
      )}
    </div>
  );
}

function Workshops({ detail, lead }: { detail: ReviewDetail; lead: boolean }) {
  const reviewId = detail.review.id;
  const list = useApiData(workshopPath(reviewId), WorkshopListSchema);
  const [selected, setSelected] = useState<string | null>(null);
  const workshops = list.data?.workshops ?? [];
  const current = workshops.find((w) => w.id === selected) ?? workshops[workshops.length - 1] ?? null;

  const created = async (id: string) => {
    await list.reload();
    setSelected(id);
  };

  if (list.loading && !list.data) return <LoadingMessage text="Loading the workshop…" />;
  if (list.error && !list.data)
    return (
      <Notice tone="error" role="alert" title="The workshop could not be loaded">
        <p>{list.error}</p>
      </Notice>
    );
  return (
    <>
      <p className="muted">The Reflective Learning Workshop (Documents 16 to 18a): practitioners answer the worksheets anonymously; the review panel never sees who wrote what.</p>
      {workshops.length === 0 && (lead ? <CreateWorkshopForm reviewId={reviewId} onCreated={created} first /> : <p>The lead reviewer has not set up a workshop yet.</p>)}
      {workshops.length > 1 && (
        <SelectField
          id="workshop-choice"
          label="Workshop"
          value={current?.id ?? ''}
          onChange={setSelected}
          options={workshops.map((w) => ({ value: w.id, label: `${formatUkDate(w.setup.date)} at ${w.setup.startTime} (${STAGE_LABELS[w.state.stage]})` }))}
        />
      )}
      {current && <WorkshopPanel key={current.id} reviewId={reviewId} initial={current} lead={lead} onChanged={() => void list.reload()} />}
      {workshops.length > 0 && lead && (
        <details className="ws-details">
          <summary>Set up another workshop</summary>
          <CreateWorkshopForm reviewId={reviewId} onCreated={created} />
        </details>
      )}
    </>
  );
}
