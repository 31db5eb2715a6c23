import { Router } from 'express';
import { DEFAULT_RAPID_REVIEW_CONFIG, RAPID_REVIEW_WORKING_DAYS } from '../../../shared/milestones/index.js';
import { LifecycleSettingsBodySchema } from '../../../shared/lifecycle/index.js';
import type { AppDeps } from '../../app.js';
import { partnershipName, readRapidReviewConfig, saveLifecycleSettings } from '../../commands/lifecycleSettingsSaver.js';
import { buildMilestonesDashboard } from '../../commands/milestonesDashboardBuilder.js';
import { forbidden } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, requireAuth } from '../context.js';
import { todayInEngland } from './lifecycleContext.js';

/** The partnership's Rapid Review timetable (everyone reads it, admins change it) and the milestones dashboard. */
export function settingsRoutes(deps: AppDeps): Router {
  const r = Router();
  r.use('/lifecycle', requireAuth(deps));

  r.get('/lifecycle/settings', async (_req, res) => {
    res.json({
      partnership: await partnershipName(deps.records),
      rapidReview: await readRapidReviewConfig(deps.records),
      defaults: DEFAULT_RAPID_REVIEW_CONFIG,
      statutoryWorkingDays: RAPID_REVIEW_WORKING_DAYS,
    });
  });

  r.put('/lifecycle/settings', async (_req, res) => {
    const ctx = authOf(res);
    if (!ctx.isAdmin) {
      await deps.audit.record({ type: 'access.denied', actorId: ctx.userId, reason: 'not-admin' });
      throw forbidden('Only a partnership admin can change the Rapid Review timetable.');
    }
    const body = parseInput(LifecycleSettingsBodySchema, _req.body);
    const saved = await saveLifecycleSettings(deps, ctx.userId, body);
    res.json({ rapidReview: saved.rapidReview });
  });

  r.get('/lifecycle/dashboard', async (_req, res) => {
    res.json(await buildMilestonesDashboard(deps.records, authOf(res).userId, todayInEngland()));
  });

  return r;
}
