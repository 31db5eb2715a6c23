import express, { Router } from 'express';
import { MAX_JSON_BODY_BYTES } from '../../shared/limits.js';
import type { AppDeps } from '../app.js';
import { csrfGuard } from '../http/csrf.js';
import { errorHandler, unknownRoute } from '../http/errors.js';
import { requestLog } from '../http/requestLog.js';
import { noStore } from '../http/securityHeaders.js';
import { authRoutes } from './auth/authRoutes.js';
import { reviewRoutes } from './reviews/reviewRoutes.js';
import { agencyRoutes } from './reviews/agencyRoutes.js';
import { memberRoutes } from './reviews/memberRoutes.js';
import { invitationRoutes } from './invitations/invitationRoutes.js';
import { userRoutes } from './admin/userRoutes.js';
import { chronologyRoutes } from './chronology/chronologyRoutes.js';
import { workshopRoutes } from './workshop/workshopRoutes.js';
import { reportRoutes } from './report/reportRoutes.js';
import { lifecycleRouter } from './lifecycle/lifecycleRouter.js';
import { evidenceRouter } from './evidence/evidenceRouter.js';
import { historyRoutes } from './history/historyRoutes.js';
import { termsOfReferenceSource } from '../commands/termsOfReferenceReader.js';

/**
 * Everything under /api. Order matters: the request log wraps everything, the CSRF guard runs before
 * the body is parsed, and the error handler comes last so every failure becomes the JSON envelope.
 */
export function apiRouter(deps: AppDeps): Router {
  const r = Router();
  r.use(requestLog(deps.log, deps.config.logLevel === 'debug'), noStore, csrfGuard(deps.config.publicOrigins));
  r.use(express.json({ limit: MAX_JSON_BODY_BYTES, strict: true }));
  r.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.use(authRoutes(deps));
  r.use(reviewRoutes(deps));
  r.use(agencyRoutes(deps));
  r.use(memberRoutes(deps));
  r.use(invitationRoutes(deps));
  r.use(userRoutes(deps));
  r.use(chronologyRoutes(deps, termsOfReferenceSource(deps.records)));
  r.use(workshopRoutes(deps));
  r.use(reportRoutes(deps, termsOfReferenceSource(deps.records)));
  r.use(lifecycleRouter(deps));
  r.use(evidenceRouter(deps));
  r.use(historyRoutes(deps));
  r.use(unknownRoute);
  r.use(errorHandler(deps.log));
  return r;
}
