import { Router } from 'express';
import type { AppDeps } from '../../app.js';
import { requireAuth } from '../context.js';
import { exportRoutes } from './exportRoutes.js';
import { queryRoutes } from './queryRoutes.js';
import { requestRoutes } from './requestRoutes.js';
import { themeRoutes } from './themeRoutes.js';

/** Every evidence route (docs/api.md, "Evidence"): requests and their steps, senior leads, query threads, key themes. */
export function evidenceRouter(deps: AppDeps): Router {
  const r = Router();
  r.use('/reviews/:id/evidence', requireAuth(deps));
  r.use(requestRoutes(deps));
  r.use(queryRoutes(deps));
  r.use(themeRoutes(deps));
  r.use(exportRoutes(deps));
  return r;
}
