import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { docExists } from '../../../shared/docAccess.js';
import { parseDocName, type DocRef } from '../../../shared/docNames.js';
import { NameVersionInputSchema, RestoreInputSchema, mayNameVersion, mayReadHistory, mayRestore, type HistoryMember } from '../../../shared/history/versions.js';
import type { AppDeps } from '../../app.js';
import { itemHistory, listVersions, nameVersion, previewVersion, restoreVersion } from '../../commands/docHistory.js';
import { forbidden, notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor, requireAuth } from '../context.js';

const SeqSchema = z.coerce.number().int().positive();
const KeySchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

/**
 * Version history of the shared docs (docs/api.md, "History"). `:doc` is the doc's name after
 * `review.<id>.`: `people`, `genogram`, `chronology-team` or `chronology.<agencyId>`. History is
 * readable by every member who may read the doc (shared/history/versions.ts); restoring needs write access to
 * the doc, naming a version the review team. Each list says whether the caller may restore (and name), so
 * read-only members are shown no such buttons.
 */
export function historyRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews/:id/history', requireAuth(deps));

  /** The caller's membership and the doc, once the caller may read its history; 404 for a doc that may not exist. */
  const open = async (req: Request, res: Response): Promise<{ m: HistoryMember; ref: DocRef }> => {
    const m = await membershipFor(deps, req, res);
    const ref = parseDocName(`review.${m.reviewId}.${String(req.params.doc)}`);
    if (!ref) throw notFound('That document');
    const agency = 'agencyId' in ref ? await deps.records.get('agencies', ref.agencyId) : null;
    if (!docExists(ref, agency)) throw notFound('That document');
    if (!mayReadHistory(ref, m)) {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, reason: 'history' });
      throw forbidden('You cannot see the history of this document.');
    }
    return { m, ref };
  };

  r.get('/reviews/:id/history/:doc', async (req, res) => {
    const { m, ref } = await open(req, res);
    res.json({ ...(await listVersions(deps, ref)), mayRestore: mayRestore(ref, m), mayName: mayNameVersion(ref, m) });
  });

  r.get('/reviews/:id/history/:doc/versions/:seq', async (req, res) => {
    const { ref } = await open(req, res);
    const seq = SeqSchema.safeParse(req.params.seq);
    if (!seq.success) throw notFound('That version');
    res.json(await previewVersion(deps, ref, seq.data));
  });

  r.get('/reviews/:id/history/:doc/items/:root/:key', async (req, res) => {
    const { m, ref } = await open(req, res);
    const root = KeySchema.safeParse(req.params.root);
    const key = KeySchema.safeParse(req.params.key);
    if (!root.success || !key.success) throw notFound('That item');
    res.json({ ...(await itemHistory(deps, ref, root.data, key.data)), mayRestore: mayRestore(ref, m) });
  });

  r.post('/reviews/:id/history/:doc/restore', async (req, res) => {
    const { m, ref } = await open(req, res);
    const input = parseInput(RestoreInputSchema, req.body);
    if (!mayRestore(ref, m)) {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, reason: 'restore' });
      throw forbidden('Only those who may edit this document can restore it.');
    }
    res.json(await restoreVersion(deps, ref, authOf(res).userId, input));
  });

  r.post('/reviews/:id/history/:doc/named', async (req, res) => {
    const { m, ref } = await open(req, res);
    const input = parseInput(NameVersionInputSchema, req.body);
    if (!mayNameVersion(ref, m)) {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, reason: 'name-version' });
      throw forbidden('Only the review team can name versions.');
    }
    res.status(201).json(await nameVersion(deps, ref, authOf(res).userId, input));
  });
  return r;
}
