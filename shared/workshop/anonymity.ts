import type { WorkshopSetup, WorkshopState } from './workshop.js';

/**
 * The anonymity rules of the workshop (issue 15), as pure functions: answers reach staff only in
 * releases, counts are coarse, and k counts people (distinct participation tokens), not answers.
 */

/** How a participant joined: with a blind-signed invitation token, or with the workshop code alone (lower assurance). */
export type JoinMode = 'token' | 'code';

/** One answer in a release, as staff see it: a release-local id and the words, never who or when. */
export type ReleasedAnswer = { id: string; text: string; hidden: boolean };

/**
 * A prompt's answers as staff may see them. `released` is false until a release has been made with
 * at least k counted answers; `count` is coarse (see coarseCount); `fromInvitations` and `fromCode`
 * say how many of the released answers came from each join mode, never which.
 */
export type PromptRelease = {
  count: CoarseCount;
  released: boolean;
  /** The release this listing belongs to (a fresh random id per release); null before the first. */
  releaseId: string | null;
  fromInvitations: number;
  fromCode: number;
  /** Whether the code answers counted towards k when this release was made (code joining was on). */
  codeCounted: boolean;
  responses: ReleasedAnswer[];
};

/** A count as staff see it: "fewer than k", or a number rounded down to a multiple of COUNT_STEP (never below k). */
export type CoarseCount = { kind: 'below'; k: number } | { kind: 'at-least'; value: number };

/** Live counts are rounded down to a multiple of this, so a single arrival rarely changes what is shown. */
export const COUNT_STEP = 5;

/** Live counts reach staff at most this often, so no single arrival can be timed from them. */
export const COUNTS_INTERVAL_MS = 30_000;

/** A count as staff may see it. */
export function coarseCount(n: number, k: number): CoarseCount {
  if (n < k) return { kind: 'below', k };
  return { kind: 'at-least', value: Math.max(k, Math.floor(n / COUNT_STEP) * COUNT_STEP) };
}

/** A coarse count in words ("fewer than 3", "at least 10"). */
export function coarseCountText(c: CoarseCount): string {
  return c.kind === 'below' ? `fewer than ${c.k}` : `at least ${c.value}`;
}

/**
 * How many people an answer set counts as towards k. Token answers count one each (a token gives one
 * answer per prompt, so they are distinct people as far as the server can tell). Answers from the
 * workshop code count only while code joining is on, and at most k − 1 of them, because one person can
 * join through the code any number of times: code answers alone can never bring a prompt to k.
 */
export function countTowardsK(answers: { token: number; code: number }, codeJoining: boolean, k: number): number {
  return answers.token + (codeJoining ? Math.min(answers.code, k - 1) : 0);
}

/** A Fisher–Yates shuffle with an injectable source of randomness in [0, 1). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The prompts whose phase of the workshop ends with a change of state, so their answers are released
 * without the facilitator asking: worksheet 1 when the meeting starts, a timeline phase's prompt when
 * another thing is shared instead, the lessons' prompts when they stop being shown, and every prompt
 * when the workshop closes.
 */
export function promptsEndingPhase(setup: WorkshopSetup, before: WorkshopState, after: WorkshopState): string[] {
  if (after.stage === 'closed' && before.stage !== 'closed') {
    return [
      ...setup.worksheets.w1.map((_, i) => `w1-${i + 1}`),
      ...setup.phases.map((p) => `w2-${p.id}`),
      ...setup.lessons.map((l) => `w3-${l.id}`),
      ...setup.worksheets.w4.map((_, i) => `w4-${i + 1}`),
    ];
  }
  const out: string[] = [];
  if (before.stage === 'open' && after.stage === 'live')
    setup.worksheets.w1.forEach((_, i) => {
      out.push(`w1-${i + 1}`);
    });
  const was = before.showing;
  const now = after.showing;
  if (was.kind === 'phase' && !(now.kind === 'phase' && now.phaseId === was.phaseId)) out.push(`w2-${was.phaseId}`);
  if (was.kind === 'lessons' && now.kind !== 'lessons')
    setup.lessons.forEach((l) => {
      out.push(`w3-${l.id}`);
    });
  return out;
}

/** Join codes avoid letters and digits people confuse (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** What the facilitator's live counts show for one prompt: coarse counts, in total towards k and per join mode. */
export type PromptCounts = { counted: CoarseCount; invitations: CoarseCount; code: CoarseCount };

/** The coarse live counts of every prompt that has answers, from the store's live tally. */
export function coarseCounts(tally: Record<string, { token: number; code: number }>, codeJoining: boolean, k: number): Record<string, PromptCounts> {
  return Object.fromEntries(
    Object.entries(tally).map(([p, t]) => [
      p,
      {
        counted: coarseCount(countTowardsK(t, codeJoining, k), k),
        invitations: coarseCount(t.token, k),
        code: coarseCount(t.code, k),
      },
    ]),
  );
}
