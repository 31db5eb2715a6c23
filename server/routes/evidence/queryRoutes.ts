import { Router } from 'express';
import { AskQueryBodySchema, QueryMessageBodySchema, QueryResolutionBodySchema, queryBadges } from '../../../shared/evidence/index.js';
import { IdSchema } from '../../../shared/ids.js';
import type { AppDeps } from '../../app.js';
import { queriesOf } from '../../commands/evidenceRecords.js';
import { askQuery, replyToQuery, resolveQuery } from '../../commands/queryThreadUpdater.js';
import { parseInput } from '../../http/validate.js';
import { authOf, idParam, membershipFor } from '../context.js';
import { visibleQueries } from './evidenceViews.js';

/** Query threads (docs/api.md, "Evidence queries"): list with badge counts, ask, reply, resolve. */
export function queryRoutes(deps: AppDeps): Router {
  const r = Router();
  const base = '/reviews/:id/evidence/queries';

  r.get(base, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const agency = typeof req.query['agencyId'] === 'string' ? IdSchema.safeParse(req.query['agencyId']) : null;
    let queries = visibleQueries(await queriesOf(deps.records, m.reviewId), m);
    if (agency?.success) queries = queries.filter((q) => q.agencyId === agency.data);
    res.json({ queries, badges: queryBadges(queries) });
  });

  r.post(base, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const body = parseInput(AskQueryBodySchema, req.body);
    res.status(201).json(await askQuery(deps, { userId: authOf(res).userId, member: m }, m.reviewId, body));
  });

  r.post(`${base}/:queryId/messages`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const queryId = idParam(req, 'queryId', 'That query');
    const body = parseInput(QueryMessageBodySchema, req.body);
    res.json(await replyToQuery(deps, { userId: authOf(res).userId, member: m }, m.reviewId, queryId, body.text));
  });

  r.put(`${base}/:queryId/resolution`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const queryId = idParam(req, 'queryId', 'That query');
    const body = parseInput(QueryResolutionBodySchema, req.body);
    res.json(await resolveQuery(deps, { userId: authOf(res).userId, member: m }, m.reviewId, queryId, body.resolved));
  });

  return r;
}
