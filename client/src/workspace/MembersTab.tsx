import { useState } from 'react';
import { canManageReview } from '../../../shared/roles.js';
import { MemberListSchema, type ReviewDetail } from '../api/schemas.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { InviteForm } from './InviteForm.js';
import { InviteLink } from './InviteLink.js';
import { MemberTable } from './MemberTable.js';

/** The review's members and, for the lead reviewer, invitations and role changes. */
export function MembersTab({ detail, onReviewChanged }: { detail: ReviewDetail; onReviewChanged(): Promise<void> }) {
  const reviewId = detail.review.id;
  const members = useApiData(`/api/reviews/${encodeURIComponent(reviewId)}/members`, MemberListSchema);
  const manage = canManageReview(detail.membership.role);
  const [invite, setInvite] = useState<{ url: string; email: string } | null>(null);
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>Members and invitations</h2>
      {members.loading && !members.data && <LoadingMessage text="Loading members…" />}
      {members.error && <Notice tone="error" role="alert" title="Members could not be loaded">{members.error}</Notice>}
      {members.data && (
        <MemberTable
          reviewId={reviewId} members={members.data.members} agencies={detail.agencies}
          selfMembershipId={detail.membership.id} canManage={manage}
          onChanged={async (self) => {
            // A lead reviewer who hands over the role loses these controls: reload their own membership too.
            await Promise.all([members.reload(), self ? onReviewChanged() : Promise.resolve()]);
          }}
        />
      )}
      {manage ? (
        <>
          <InviteForm reviewId={reviewId} agencies={detail.agencies} onInvited={(url, email) => setInvite({ url, email })} />
          <div aria-live="polite">{invite && <InviteLink url={invite.url} email={invite.email} />}</div>
        </>
      ) : <p className="muted">Only the lead reviewer can invite people or change roles.</p>}
    </>
  );
}
