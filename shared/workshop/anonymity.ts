/** A stored response as the facilitator may see it: text only, never who or when. */
export type VisibleResponse = { slot: string; text: string; hidden: boolean };

/** What the facilitator sees for one prompt. */
export type PromptResponses = { count: number; released: boolean; responses: VisibleResponse[] };

/**
 * Applies the anonymity threshold: below k responses only the count is shown, because with one or two
 * answers in a small group the facilitator could tell who wrote them. At or above k, the responses are
 * returned in a fresh random order each time, so their order says nothing about who answered first.
 * `random` is injectable for tests; it must return values in [0, 1).
 */
export function releaseResponses(all: readonly VisibleResponse[], k: number, random: () => number): PromptResponses {
  const count = all.length;
  if (count < k) return { count, released: false, responses: [] };
  const out = [...all];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return { count, released: true, responses: out };
}

/** Join codes avoid letters and digits people confuse (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
