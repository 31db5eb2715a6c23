import { createHash, randomBytes } from 'node:crypto';
import { MAX_INVITATIONS, type Workshop } from '../../shared/workshop/workshop.js';
import { HttpError, notFound } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { AuditLog } from '../audit/AuditLog.js';

/**
 * Adds practitioners to a workshop's invitation list, or gives an unused invitation a new link. Each
 * gets a fresh 256-bit secret, answered once to the lead reviewer to send; only its hash is stored,
 * and that is erased when the link is used. The audit line holds ids only.
 */
export async function createWorkshopInvitations(
  deps: { records: RecordStore; audit: AuditLog },
  actorId: string,
  workshopId: string,
  request: { labels: string[] } | { renew: string },
): Promise<{ id: string; label: string; secret: string }[]> {
  const secret = () => randomBytes(32).toString('base64url');
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  let out: { id: string; label: string; secret: string }[] = [];
  // One read-modify-write: ids and the list are computed from the record as stored at write time.
  const updated = await deps.records.update('workshops', workshopId, (cur) => {
    out = [];
    const invitations = nextInvitations(cur, request, out, secret, hash);
    return { ...cur, invitations };
  });
  if (!updated) throw notFound('That workshop');
  await deps.audit.record({ type: 'workshop.invitations-created', actorId, reviewId: updated.reviewId, targetId: updated.id });
  return out;
}

/** The invitation list after adding or renewing; fills `out` with the new secrets. Throws HttpError to refuse. */
function nextInvitations(
  cur: Workshop,
  request: { labels: string[] } | { renew: string },
  out: { id: string; label: string; secret: string }[],
  secret: () => string,
  hash: (s: string) => string,
): Workshop['invitations'] {
  if (cur.state.stage === 'closed') throw new HttpError(409, 'closed', 'The workshop has closed, so no more invitations can be made.');
  let invitations: Workshop['invitations'];
  if ('renew' in request) {
    const inv = cur.invitations.find((i) => i.id === request.renew);
    if (!inv) throw notFound('That invitation');
    if (inv.used) throw new HttpError(409, 'used', 'That invitation has been used, so it cannot be given a new link.');
    const s = secret();
    out.push({ id: inv.id, label: inv.label, secret: s });
    invitations = cur.invitations.map((i) => (i.id === inv.id ? { ...i, secretHash: hash(s) } : i));
  } else {
    if (cur.invitations.length + request.labels.length > MAX_INVITATIONS) throw new HttpError(409, 'too-many', `A workshop can have at most ${MAX_INVITATIONS} invitations.`);
    const highest = Math.max(0, ...cur.invitations.map((i) => Number(/^inv-(\d+)$/.exec(i.id)?.[1] ?? 0)));
    const added = request.labels.map((label, n) => {
      const s = secret();
      const id = `inv-${highest + n + 1}`;
      out.push({ id, label, secret: s });
      return { id, label, secretHash: hash(s), used: false };
    });
    invitations = [...cur.invitations, ...added];
  }
  return invitations;
}
