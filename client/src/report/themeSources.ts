import { formatChronologyDate } from '../../../shared/chronology/chronologyDate.js';
import { allPrompts } from '../../../shared/workshop/prompts.js';
import { WorkshopSetupSchema } from '../../../shared/workshop/workshop.js';
import type { ChronologyRowView } from './reportApi.js';

/** Longest piece of an event or prompt shown beside its checkbox; the full text is in the chronology or workshop. */
export const CHOICE_TEXT_CHARS = 160;

const clip = (s: string, max = CHOICE_TEXT_CHARS) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}\u2026` : one;
};

/** A key event a theme can discuss: its id and the label its checkbox shows. `missing` when it has left the chronology. */
export type EventChoice = { id: string; label: string; note: string | null };

/**
 * The chronology events a theme can choose from: every key practice learning event, in the integrated
 * (date) order, plus any event the theme already holds that is no longer marked as key learning or is
 * gone from the chronology, so the lead reviewer can see and clear it.
 */
export function eventChoices(rows: readonly ChronologyRowView[], chosen: readonly string[]): EventChoice[] {
  const picked = new Set(chosen);
  const out: EventChoice[] = rows
    .filter((r) => r.team.keyLearning || picked.has(r.id))
    .map((r) => ({
      id: r.id,
      label: `${formatChronologyDate(r.date)} (${r.agencyCode}): ${clip(r.keyEvent) || '[no key event recorded]'}`,
      note: r.team.keyLearning ? null : 'No longer marked as a key practice learning event',
    }));
  const known = new Set(rows.map((r) => r.id));
  for (const id of chosen) {
    if (!known.has(id)) out.push({ id, label: 'An event that is no longer in the chronology', note: 'It will not appear in the report' });
  }
  return out;
}

/** A workshop prompt a theme can quote practitioners' reflections from. */
export type PromptChoice = { id: string; label: string };

/**
 * The prompts of the review's workshop. The report quotes the first workshop's released responses
 * (server/commands/reportExporter.ts), so only its prompts are offered. `unreadable` is true when that
 * workshop's set-up could not be read.
 */
export function promptChoices(workshops: readonly { id: string; setup: unknown }[]): { prompts: PromptChoice[]; unreadable: boolean } {
  const first = workshops[0];
  if (!first) return { prompts: [], unreadable: false };
  const setup = WorkshopSetupSchema.safeParse(first.setup);
  if (!setup.success) return { prompts: [], unreadable: true };
  return { prompts: allPrompts(setup.data).map((p) => ({ id: p.id, label: `${p.label}: ${clip(p.text)}` })), unreadable: false };
}
