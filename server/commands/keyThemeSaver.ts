import { newId } from '../../shared/ids.js';
import { MAX_KEY_THEMES, mayEditKeyThemes, type EvidenceLink, type EvidenceMember, type KeyTheme, type KeyThemeContent } from '../../shared/evidence/index.js';
import { HttpError, forbidden, notFound } from '../http/errors.js';
import { agenciesOf, queriesOf, themeIn, themesOf } from './evidenceRecords.js';
import { withEvidenceLock } from './evidenceLock.js';
import { checkBaseVersion, saveVersioned } from './lifecycleVersionChecker.js';
import { invalid } from './evidenceRequester.js';
import type { CommandDeps } from './types.js';

/**
 * The key themes for analysis (§8.8), each linked to its evidence. A link must name an agency of the
 * review, or an answer in one of its query threads; rows and sections are checked when the chain is
 * shown (a row deleted later shows as missing rather than blocking the theme).
 */

type Actor = { userId: string; member: EvidenceMember };

async function mustEdit(deps: CommandDeps, actor: Actor, reviewId: string): Promise<void> {
  if (mayEditKeyThemes(actor.member)) return;
  await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, reason: 'evidence-themes' });
  throw forbidden('Only the lead reviewer and review team can record key themes.');
}

/** Checks every link points into this review. */
async function checkLinks(deps: CommandDeps, reviewId: string, links: readonly EvidenceLink[]): Promise<void> {
  const agencies = new Set((await agenciesOf(deps.records, reviewId)).map((a) => a.id));
  const queries = new Map((await queriesOf(deps.records, reviewId)).map((q) => [q.id, q]));
  links.forEach((l, i) => {
    if (l.kind === 'query-answer') {
      const msg = queries.get(l.queryId)?.messages.find((m) => m.id === l.messageId);
      if (!msg || msg.kind !== 'answer') throw invalid(`evidence.${i}`, 'names an answer that is not in this review');
    } else if (!agencies.has(l.agencyId)) {
      throw invalid(`evidence.${i}`, 'names an agency that is not part of this review');
    }
  });
}

/** Records a new theme at the end of the list. */
export async function createKeyTheme(deps: CommandDeps, actor: Actor, reviewId: string, content: KeyThemeContent): Promise<KeyTheme> {
  await mustEdit(deps, actor, reviewId);
  return withEvidenceLock(reviewId, async () => {
    const themes = await themesOf(deps.records, reviewId);
    if (themes.length >= MAX_KEY_THEMES) throw new HttpError(409, 'too-many-themes', `Keep to at most ${MAX_KEY_THEMES} key themes: §8.8 asks for as few as practicable.`);
    await checkLinks(deps, reviewId, content.evidence);
    const at = (deps.now?.() ?? new Date()).toISOString();
    const theme: KeyTheme = {
      ...content,
      id: newId(),
      reviewId,
      order: (themes.at(-1)?.order ?? -1) + 1,
      version: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: actor.userId,
    };
    await deps.records.commit([{ op: 'put', collection: 'keyThemes', record: theme, ifVersion: 0 }], {
      audit: [{ type: 'evidence.theme-saved', actorId: actor.userId, reviewId, targetId: theme.id, reason: 'created' }],
    });
    return theme;
  });
}

/** Saves an edited theme from the version it was edited from. */
export async function updateKeyTheme(deps: CommandDeps, actor: Actor, reviewId: string, themeId: string, body: KeyThemeContent & { baseVersion: number }): Promise<KeyTheme> {
  await mustEdit(deps, actor, reviewId);
  return withEvidenceLock(reviewId, async () => {
    const current = await themeIn(deps.records, reviewId, themeId);
    if (!current) throw notFound('That theme');
    checkBaseVersion(current.version, body.baseVersion, 'this theme');
    await checkLinks(deps, reviewId, body.evidence);
    const { baseVersion: _b, ...content } = body;
    const saved: KeyTheme = { ...current, ...content, version: current.version + 1, updatedAt: (deps.now?.() ?? new Date()).toISOString(), updatedBy: actor.userId };
    await saveVersioned(
      'this theme',
      deps.records.commit([{ op: 'put', collection: 'keyThemes', record: saved, ifVersion: body.baseVersion }], {
        audit: [{ type: 'evidence.theme-saved', actorId: actor.userId, reviewId, targetId: themeId, reason: 'updated' }],
      }),
    );
    return saved;
  });
}

/** Removes a theme. */
export async function deleteKeyTheme(deps: CommandDeps, actor: Actor, reviewId: string, themeId: string): Promise<void> {
  await mustEdit(deps, actor, reviewId);
  await withEvidenceLock(reviewId, async () => {
    if (!(await themeIn(deps.records, reviewId, themeId))) throw notFound('That theme');
    await deps.records.commit([{ op: 'delete', collection: 'keyThemes', id: themeId }], {
      audit: [{ type: 'evidence.theme-deleted', actorId: actor.userId, reviewId, targetId: themeId }],
    });
  });
}
