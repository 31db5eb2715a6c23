import { useState } from 'react';
import { mayManageInvitations } from '../../../shared/membership.js';
import { canManageReview } from '../../../shared/roles.js';
import { MemberListSchema, SentInvitationListSchema, type ReviewDetail } from '../api/schemas.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { InvitationsTable } from './InvitationsTable.js';
import { InviteForm, type NewInvitation } from './InviteForm.js';
import { InviteLink } from './InviteLink.js';
import { MemberTable } from './MemberTable.js';

/** The review's members and, for the lead reviewer, invitations (sent, revocable), role changes and removals. */
export function MembersTab({ detail, onReviewChanged }: { detail: ReviewDetail; onReviewChanged(): Promise<void> }) {
  const reviewId = detail.review.id;
  const members = useApiData(`/api/reviews/${encodeURIComponent(reviewId)}/members`, MemberListSchema);
  const manage = canManageReview(detail.membership.role);
  const [invite, setInvite] = useState<NewInvitation | null>(null);
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Members and invitations
      </h2>
      {members.loading && !members.data && <LoadingMessage text="Loading members…" />}
      {members.error && (
        <Notice tone="error" role="alert" title="Members could not be loaded">
          {members.error}
        </Notice>
      )}
      {members.data && (
        <MemberTable
          reviewId={reviewId}
          members={members.data.members}
          agencies={detail.agencies}
          selfMembershipId={detail.membership.id}
          canManage={manage}
          onChanged={async (self) => {
            // A lead reviewer who hands over the role loses these controls: reload their own membership too.
            await Promise.all([members.reload(), self ? onReviewChanged() : Promise.resolve()]);
          }}
        />
      )}
      {mayManageInvitations(detail.membership.role) ? (
        <Invitations detail={detail} invite={invite} onInvited={setInvite} />
      ) : (
        <p className="muted">Only the lead reviewer can invite people, change roles or remove members.</p>
      )}
    </>
  );
}

/**
 * The lead reviewer's invitations: the new link, the form, and the list of those sent. The new link is
 * shown only while its invitation is pending: once the list says it was revoked (or has expired or been
 * accepted) the link no longer works, so it is taken off the screen.
 */
function Invitations({ detail, invite, onInvited }: { detail: ReviewDetail; invite: NewInvitation | null; onInvited(invite: NewInvitation): void }) {
  const reviewId = detail.review.id;
  const sent = useApiData(`/api/reviews/${encodeURIComponent(reviewId)}/invitations`, SentInvitationListSchema);
  const live = invite && !sent.data?.invitations.some((i) => i.id === invite.id && i.state !== 'pending') ? invite : null;
  return (
    <>
      <InviteForm
        reviewId={reviewId}
        agencies={detail.agencies}
        onInvited={(created) => {
          onInvited(created);
          void sent.reload();
        }}
      />
      <div aria-live="polite">{live && <InviteLink url={live.url} email={live.email} />}</div>
      {sent.loading && !sent.data && <LoadingMessage text="Loading invitations…" />}
      {sent.error && (
        <Notice tone="error" role="alert" title="Invitations could not be loaded">
          {sent.error}
        </Notice>
      )}
      {sent.data && <InvitationsTable reviewId={reviewId} invitations={sent.data.invitations} agencies={detail.agencies} onChanged={sent.reload} />}
    </>
  );
}
