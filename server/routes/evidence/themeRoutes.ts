import { Router } from 'express';
import { KeyThemeBodySchema, KeyThemeUpdateBodySchema, mayReadKeyThemes } from '../../../shared/evidence/index.js';
import type { AppDeps } from '../../app.js';
import { themesOf } from '../../commands/evidenceRecords.js';
import { createKeyTheme, deleteKeyTheme, updateKeyTheme } from '../../commands/keyThemeSaver.js';
import { forbidden } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { authOf, idParam, membershipFor } from '../context.js';

/** Key themes for analysis (docs/api.md, "Key themes"): staff and observers read, staff edit. */
export function themeRoutes(deps: AppDeps): Router {
  const r = Router();
  const base = '/reviews/:id/evidence/themes';

  r.get(base, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    if (!mayReadKeyThemes(m)) {
      await deps.audit.record({ type: 'access.denied', actorId: authOf(res).userId, reviewId: m.reviewId, reason: 'evidence-themes' });
      throw forbidden('Key themes are for the review team.');
    }
    res.json({ themes: await themesOf(deps.records, m.reviewId) });
  });

  r.post(base, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const body = parseInput(KeyThemeBodySchema, req.body);
    res.status(201).json(await createKeyTheme(deps, { userId: authOf(res).userId, member: m }, m.reviewId, body));
  });

  r.put(`${base}/:themeId`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const themeId = idParam(req, 'themeId', 'That theme');
    const body = parseInput(KeyThemeUpdateBodySchema, req.body);
    res.json(await updateKeyTheme(deps, { userId: authOf(res).userId, member: m }, m.reviewId, themeId, body));
  });

  r.delete(`${base}/:themeId`, async (req, res) => {
    const m = await membershipFor(deps, req, res);
    const themeId = idParam(req, 'themeId', 'That theme');
    await deleteKeyTheme(deps, { userId: authOf(res).userId, member: m }, m.reviewId, themeId);
    res.status(204).end();
  });

  return r;
}
