import { GUIDANCE } from '../report/guidance.js';
import { ANONYMITY_PROMISE, CONFIDENTIALITY_STATEMENT, DEFAULT_AGENDA, WORKSHEET_1, WORKSHEET_2, WORKSHEET_3, WORKSHEET_4 } from '../workshop/templates.js';

/**
 * The app's own fixed wording that goes into outputs: report guidance, the workshop's confidentiality
 * statement, promise, agenda and worksheet questions. The leak check never refuses over these, even
 * when a register name part happens to be one of their words ("An" in a family-name-first name).
 */
export function ownTemplateTexts(): string[] {
  const flat = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(flat) : v && typeof v === 'object' ? Object.values(v).flatMap(flat) : []);
  return [
    ...Object.values(GUIDANCE),
    CONFIDENTIALITY_STATEMENT,
    ANONYMITY_PROMISE,
    ...flat(DEFAULT_AGENDA),
    ...flat(WORKSHEET_1),
    WORKSHEET_2,
    WORKSHEET_3,
    ...flat(WORKSHEET_4),
  ].filter((t) => t.trim().length >= 8);
}
