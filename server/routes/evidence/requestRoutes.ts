import { Router } from 'express';
import {
  CreateRequestsBodySchema,
  RequestActionBodySchema,
  SeniorLeadBodySchema,
  evidenceMilestones,
  isAnalysisKind,
  mayReadAgencyEvidence,
  waitingFor,
} from '../../../shared/evidence/index.js';
import { mayAppointSeniorLead } from '../../../shared/roles.js';
import { termsOfReferenceSummary } from '../../../shared/lifecycle/index.js';
import type { AppDeps } from '../../app.js';
import { agencyAuthorIds } from '../../commands/evidenceDocAccess.js';
import { takeEvidenceAction } from '../../commands/evidenceActionTaker.js';
import { agenciesOf, membershipsOf, queriesOf, requestsOf, userById } from '../../commands/evidenceRecords.js';
import { requestEvidence } from '../../commands/evidenceRequester.js';
import { appointSeniorLead } from '../../commands/seniorLeadAppointer.js';
import { parseInput } from '../../http/validate.js';
import { authOf, idParam, membershipFor } from '../context.js';
import { todayInEngland } from '../lifecycle/lifecycleContext.js';
import { requestView, visibleQueries } from './evidenceViews.js';

/**
 * Evidence requests (docs/api.md, "Evidence"): the overview every member reads (agency authors only
 * their own agency's), sending requests, the steps of each request, and naming senior leads.
 */
export function requestRoutes(deps: AppDeps): Router {
  const r = Router();
  const base = '/reviews/:id/evidence';

  r.get(base, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const today = todayInEngland();
    const agencies = (await agenciesOf(deps.records, m.reviewId)).filter((a) => mayReadAgencyEvidence(m, a.id));
    const queries = visibleQueries(await queriesOf(deps.records, m.reviewId), m);
    const requests = (await requestsOf(deps.records, m.reviewId)).filter((x) => mayReadAgencyEvidence(m, x.agencyId));
    const members = await membershipsOf(deps.records, m.reviewId);
    const authors = await Promise.all(
      members
        .filter((x) => x.role === 'agency-author' && x.agencyId && mayReadAgencyEvidence(m, x.agencyId))
        .map(async (x) => ({ membershipId: x.id, agencyId: x.agencyId!, name: (await userById(deps.records, x.userId))?.name ?? 'Unknown', seniorLead: x.seniorLead ?? null })),
    );
    const review = (await deps.records.get('reviews', m.reviewId))!;
    const terms = await deps.records.get('termsOfReference', m.reviewId);
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    res.json({
      today,
      me: { role: m.role, agencyId: m.agencyId, seniorLead: m.seniorLead ?? null, mayAppointSeniorLead: mayAppointSeniorLead(m.role) },
      scope: termsOfReferenceSummary(review, terms?.content ?? null) ?? { keyLinesOfEnquiry: [], periodStart: review.periodStart, periodEnd: review.periodEnd },
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, shortCode: a.shortCode, colour: a.colour })),
      authors,
      requests: requests.map((x) => requestView(x, m, queries, today)),
      milestones: evidenceMilestones(requests, (id) => names.get(id) ?? 'Agency', today),
      waiting: waitingFor(m, requests, queries),
    });
  });

  r.post(`${base}/requests`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const body = parseInput(CreateRequestsBodySchema, req.body);
    const out = await requestEvidence(deps, { userId: authOf(res).userId, member: m }, m.reviewId, body);
    const queries = await queriesOf(deps.records, m.reviewId);
    const today = todayInEngland();
    res.status(out.created.length > 0 ? 201 : 200).json({
      created: out.created.map((x) => requestView(x, m, queries, today)),
      existing: out.existing.map((x) => requestView(x, m, queries, today)),
    });
  });

  r.post(`${base}/requests/:requestId/actions`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const requestId = idParam(req, 'requestId', 'That request');
    const body = parseInput(RequestActionBodySchema, req.body);
    const saved = await takeEvidenceAction(deps, { userId: authOf(res).userId, member: m }, m.reviewId, requestId, body);
    // Submitting or accepting locks the agency's document, returning or reopening unlocks it: its authors'
    // open sync connections are closed so they reconnect with the new access (shared/evidence/access.ts).
    if (isAnalysisKind(saved.kind) && ['submit', 'accept', 'return', 'reopen'].includes(body.action)) {
      for (const userId of await agencyAuthorIds(deps.records, m.reviewId, saved.agencyId)) deps.registry.closeUser(userId);
    }
    res.json(requestView(saved, m, await queriesOf(deps.records, m.reviewId), todayInEngland()));
  });

  r.put(`${base}/senior-leads/:membershipId`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const membershipId = idParam(req, 'membershipId', 'That member');
    const body = parseInput(SeniorLeadBodySchema, req.body);
    const saved = await appointSeniorLead(deps, { userId: authOf(res).userId, role: m.role }, m.reviewId, membershipId, body.designation);
    res.json({ membershipId: saved.id, agencyId: saved.agencyId, seniorLead: saved.seniorLead ?? null });
  });

  return r;
}
