import { Router } from 'express';
import type { AppDeps } from '../../app.js';
import { requireAuth } from '../context.js';
import { exportRoutes } from './exportRoutes.js';
import { milestoneRoutes } from './milestoneRoutes.js';
import { rapidReviewRoutes } from './rapidReviewRoutes.js';
import { scopingRoutes } from './scopingRoutes.js';
import { settingsRoutes } from './settingsRoutes.js';
import { termsOfReferenceRoutes } from './termsOfReferenceRoutes.js';

/** Every lifecycle route (docs/api.md, "Lifecycle"): timetable settings, dashboard, milestones, scoping, Rapid Review, terms of reference, exports. */
export function lifecycleRouter(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews/:id/lifecycle', requireAuth(deps));
  r.use(settingsRoutes(deps));
  r.use(milestoneRoutes(deps));
  r.use(scopingRoutes(deps));
  r.use(rapidReviewRoutes(deps));
  r.use(termsOfReferenceRoutes(deps));
  r.use(exportRoutes(deps));
  return r;
}
