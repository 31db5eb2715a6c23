import type { Doc } from 'yjs';
import { newId } from '../../shared/ids.js';
import {
  MAX_QUERIES_PER_REVIEW,
  MAX_QUERY_MESSAGES,
  mayAnswerQuery,
  mayAskQuery,
  mayReadAgencyEvidence,
  mayResolveQuery,
  statusAfterMessage,
  type EvidenceMember,
  type EvidenceQuery,
  type QueryTarget,
} from '../../shared/evidence/index.js';
import { HttpError, forbidden, notFound } from '../http/errors.js';
import { agenciesOf, queriesOf, queryIn, userById } from './evidenceRecords.js';
import { withEvidenceLock } from './evidenceLock.js';
import { saveVersioned } from './lifecycleVersionChecker.js';
import { docName } from '../../shared/docNames.js';
import type { CommandDeps } from './types.js';

/** Reading a shared document, for checking that a query's row or organisational change exists. */
type DocReader = { read<T>(name: string, read: (doc: Doc) => T): Promise<T> };

/**
 * Whether the chronology row or organisational change a query is about exists in that agency's
 * chronology, so a thread can never hang off a row nobody wrote. Sections are checked by their schema.
 */
async function targetExists(sync: DocReader, reviewId: string, agencyId: string, target: QueryTarget): Promise<boolean> {
  if (target.kind !== 'chronology-row' && target.kind !== 'org-change') return true;
  const [root, id] = target.kind === 'chronology-row' ? ['entries', target.entryId] : ['orgChanges', target.changeId];
  return sync.read(docName({ reviewId, kind: 'chronology', agencyId }), (d) => d.getMap(root).has(id));
}

/**
 * Query threads on an agency's evidence (§8.7): the review team asks, the agency answers, the review
 * team resolves. The text is kept only in the thread (never in the audit log or any export).
 */

type Actor = { userId: string; member: EvidenceMember };

const nameOf = async (deps: CommandDeps, userId: string) => (await userById(deps.records, userId))?.name ?? 'Unknown';

/** A thread the actor may see, or 404 (another agency's threads are not theirs to know about). */
async function visibleQuery(deps: CommandDeps, actor: Actor, reviewId: string, queryId: string): Promise<EvidenceQuery> {
  const q = await queryIn(deps.records, reviewId, queryId);
  if (!q || !mayReadAgencyEvidence(actor.member, q.agencyId)) {
    if (q) await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: queryId, reason: 'other-agency' });
    throw notFound('That query');
  }
  return q;
}

/** Opens a thread with its first question. */
export async function askQuery(
  deps: CommandDeps & { sync: DocReader },
  actor: Actor,
  reviewId: string,
  body: { agencyId: string; target: QueryTarget; text: string },
): Promise<EvidenceQuery> {
  if (!mayAskQuery(actor.member)) {
    await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, reason: 'evidence-ask' });
    throw forbidden('Only the lead reviewer and review team can raise queries.');
  }
  return withEvidenceLock(reviewId, async () => {
    if (!(await agenciesOf(deps.records, reviewId)).some((a) => a.id === body.agencyId)) throw notFound('That agency');
    if (!(await targetExists(deps.sync, reviewId, body.agencyId, body.target)))
      throw notFound(body.target.kind === 'org-change' ? 'That organisational change' : 'That chronology row');
    if ((await queriesOf(deps.records, reviewId)).length >= MAX_QUERIES_PER_REVIEW) {
      throw new HttpError(409, 'too-many-queries', `A review can hold at most ${MAX_QUERIES_PER_REVIEW.toLocaleString('en-GB')} queries.`);
    }
    const at = (deps.now?.() ?? new Date()).toISOString();
    const q: EvidenceQuery = {
      id: newId(),
      reviewId,
      agencyId: body.agencyId,
      target: body.target,
      status: 'open',
      messages: [{ id: newId(), kind: 'question', by: actor.userId, byName: await nameOf(deps, actor.userId), at, text: body.text }],
      createdAt: at,
      createdBy: actor.userId,
      resolvedAt: null,
      resolvedBy: null,
      version: 1,
    };
    await deps.records.commit([{ op: 'put', collection: 'evidenceQueries', record: q, ifVersion: 0 }], {
      audit: [{ type: 'evidence.query-asked', actorId: actor.userId, reviewId, targetId: q.id }],
    });
    return q;
  });
}

/** Adds a message: an answer from the agency's authors, or a follow-up question from the review team. */
export async function replyToQuery(deps: CommandDeps, actor: Actor, reviewId: string, queryId: string, text: string): Promise<EvidenceQuery> {
  return withEvidenceLock(reviewId, async () => {
    const q = await visibleQuery(deps, actor, reviewId, queryId);
    const kind = mayAnswerQuery(actor.member, q.agencyId) ? 'answer' : mayAskQuery(actor.member) ? 'question' : null;
    if (!kind) {
      await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: queryId, reason: 'evidence-reply' });
      throw forbidden('Your role does not allow you to reply to this query.');
    }
    if (q.status === 'resolved') throw new HttpError(409, 'query-resolved', 'This query has been resolved. Reopen it to add to it.');
    if (q.messages.length >= MAX_QUERY_MESSAGES) {
      throw new HttpError(409, 'query-full', `A query can hold at most ${MAX_QUERY_MESSAGES} messages: resolve it and open a new one.`);
    }
    const at = (deps.now?.() ?? new Date()).toISOString();
    const saved: EvidenceQuery = {
      ...q,
      status: statusAfterMessage(kind),
      version: q.version + 1,
      messages: [...q.messages, { id: newId(), kind, by: actor.userId, byName: await nameOf(deps, actor.userId), at, text }],
    };
    await saveVersioned(
      'this query',
      deps.records.commit([{ op: 'put', collection: 'evidenceQueries', record: saved, ifVersion: q.version }], {
        audit: [{ type: 'evidence.query-replied', actorId: actor.userId, reviewId, targetId: queryId, reason: kind }],
      }),
    );
    return saved;
  });
}

/** Resolves a thread, or reopens it for the agency. */
export async function resolveQuery(deps: CommandDeps, actor: Actor, reviewId: string, queryId: string, resolved: boolean): Promise<EvidenceQuery> {
  return withEvidenceLock(reviewId, async () => {
    const q = await visibleQuery(deps, actor, reviewId, queryId);
    if (!mayResolveQuery(actor.member)) {
      await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: queryId, reason: 'evidence-resolve' });
      throw forbidden('Only the lead reviewer and review team can resolve queries.');
    }
    const at = (deps.now?.() ?? new Date()).toISOString();
    const lastKind = q.messages.at(-1)!.kind;
    const saved: EvidenceQuery = resolved
      ? { ...q, status: 'resolved', resolvedAt: at, resolvedBy: actor.userId, version: q.version + 1 }
      : { ...q, status: statusAfterMessage(lastKind), resolvedAt: null, resolvedBy: null, version: q.version + 1 };
    await saveVersioned(
      'this query',
      deps.records.commit([{ op: 'put', collection: 'evidenceQueries', record: saved, ifVersion: q.version }], {
        audit: [{ type: 'evidence.query-resolved', actorId: actor.userId, reviewId, targetId: queryId, reason: resolved ? 'resolved' : 'reopened' }],
      }),
    );
    return saved;
  });
}
