import type { ReportDraft } from '../../../shared/report/draft.js';
import { draftLearningPoints, StoredOutcomeSchema } from '../../../shared/workshop/outcome.js';
import { WorkshopSetupSchema } from '../../../shared/workshop/workshop.js';
import { MAX_ITEMS } from './draftReducer.js';

/**
 * The draft learning points the workshop's outcome holds, in the order of its proposed lessons. Like
 * the prompts (themeSources.ts), only the first workshop counts, because the report draws on it. A
 * set-up or outcome this page cannot read gives none. The texts are raw, as the lead reviewer's own
 * writing is: the report pseudonymises every learning point when it is previewed or downloaded.
 */
export function workshopLearningPoints(workshops: readonly { setup: unknown; outcome?: unknown }[]): string[] {
  const first = workshops[0];
  if (!first) return [];
  const setup = WorkshopSetupSchema.safeParse(first.setup);
  const outcome = StoredOutcomeSchema.safeParse(first.outcome);
  return setup.success && outcome.success ? draftLearningPoints(outcome.data, setup.data.lessons) : [];
}

const same = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Which of the workshop's learning points the draft does not hold yet (ignoring case and spacing), as
 * many as the list has room for, so pressing the button twice adds nothing the second time.
 */
export function learningPointsToAdd(d: ReportDraft, texts: readonly string[]): string[] {
  const held = new Set(d.learningPoints.map((lp) => same(lp.text)));
  const out: string[] = [];
  for (const t of texts) {
    if (!t.trim() || held.has(same(t))) continue;
    held.add(same(t));
    out.push(t.trim());
  }
  return out.slice(0, Math.max(0, MAX_ITEMS.learningPoints - d.learningPoints.length));
}
