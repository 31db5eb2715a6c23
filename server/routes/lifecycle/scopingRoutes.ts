import { Router } from 'express';
import { ScopingFormBodySchema, ScopingStatusBodySchema, familyTable, mayReadScoping, type AgencyScoping } from '../../../shared/lifecycle/index.js';
import type { AppDeps } from '../../app.js';
import { readReviewPeople } from '../../commands/rapidReviewAssembler.js';
import { changeScopingStatus, saveScopingForm, scopingOf, scopingsOf } from '../../commands/scopingUpdater.js';
import { forbidden } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, membershipFor } from '../context.js';
import { agencyParam, lifecycleAgencyView } from './lifecycleContext.js';

/** The public shape of an agency's scoping. */
const scopingView = (s: AgencyScoping) => ({
  status: s.status,
  requestedOn: s.requestedOn,
  returnedOn: s.returnedOn,
  notKnownOn: s.notKnownOn,
  form: s.form,
  version: s.version,
  updatedAt: s.updatedAt || null,
});

/**
 * Agency scoping. The review's staff and observers read every agency's; an agency author reads and
 * answers only for their own agency. The family composition (Document 2, Section 1) comes with it,
 * from the people register every member may already read.
 */
export function scopingRoutes(deps: AppDeps): Router {
  const r = Router();
  const base = '/reviews/:id/lifecycle/scoping';

  r.get(base, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const items = (await scopingsOf(deps.records, m.reviewId)).filter((x) => mayReadScoping(m, x.agency.id));
    const register = await readReviewPeople(deps.sync, m.reviewId);
    res.json({
      agencies: items.map((x) => ({ agency: lifecycleAgencyView(x.agency), scoping: scopingView(x.scoping) })),
      family: familyTable(register.people),
      // People register records that did not validate: left out of `family`, still stored.
      skipped: register.skipped,
    });
  });

  r.get(`${base}/:agencyId`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const agency = await agencyParam(deps, req, m.reviewId);
    if (!mayReadScoping(m, agency.id)) {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, targetId: agency.id, reason: 'other-agency' });
      throw forbidden('You can only see your own agency’s scoping.');
    }
    res.json({ agency: lifecycleAgencyView(agency), scoping: scopingView(await scopingOf(deps.records, m.reviewId, agency.id)) });
  });

  r.put(`${base}/:agencyId/status`, async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team', 'agency-author']);
    const agency = await agencyParam(deps, req, m.reviewId);
    const body = parseInput(ScopingStatusBodySchema, req.body);
    const saved = await changeScopingStatus(deps, { userId: authOf(res).userId, member: m }, m.reviewId, agency.id, body);
    res.json({ agency: lifecycleAgencyView(agency), scoping: scopingView(saved) });
  });

  r.put(`${base}/:agencyId/form`, async (req, res) => {
    const m = await membershipFor(deps, req, res, ['lead-reviewer', 'review-team', 'agency-author']);
    const agency = await agencyParam(deps, req, m.reviewId);
    const body = parseInput(ScopingFormBodySchema, req.body);
    const saved = await saveScopingForm(deps, { userId: authOf(res).userId, member: m }, m.reviewId, agency.id, body);
    res.json({ agency: lifecycleAgencyView(agency), scoping: scopingView(saved) });
  });

  return r;
}
