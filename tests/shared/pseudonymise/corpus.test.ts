import { describe, expect, it } from 'vitest';
import { createPipeline, findLeaks, foldKey } from '../../../shared/pseudonymise/index.js';
import { AGENCY_CODES, CORPUS, REGISTER, type CorpusCase } from '../../fixtures/pseudonymise/corpus.js';

const present = (haystack: string, needle: string) => {
  const k = foldKey(needle).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${k}(?![\\p{L}\\p{N}])`, 'u').test(foldKey(haystack));
};

/** Runs one case: the pipeline's output, its flags, and the leak check's verdict on the output. */
function run(k: CorpusCase) {
  const pipe = createPipeline(REGISTER, 'Child M', { agencyCodes: AGENCY_CODES, allowlist: k.allowlist });
  const output = k.template ? k.text : pipe.text(k.text);
  const flagged = pipe
    .analyse(k.text)
    .findings.filter((f) => f.flag)
    .map((f) => k.text.slice(f.start, f.end));
  const leaksInOutput = findLeaks([{ place: k.id, text: output }], REGISTER, { agencyCodes: AGENCY_CODES, allowlist: k.allowlist });
  const leaksInRaw = findLeaks([{ place: k.id, text: k.text }], REGISTER, { agencyCodes: AGENCY_CODES, allowlist: k.allowlist });
  return {
    output,
    leaked: k.remove.filter((r) => present(output, r)),
    overRedacted: k.keep.filter((w) => !output.includes(w)),
    missedFlags: (k.flags ?? []).filter((f) => !flagged.includes(f)),
    refusedNeedlessly: leaksInOutput.length > 0,
    leaksInRaw,
  };
}

describe('pseudonymisation corpus (issue 14)', () => {
  it('has at least 60 cases covering every kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((k) => k.kind)).size).toBe(24);
  });

  it.each(CORPUS.map((k) => [k.id, k] as const))('%s', (_id, k) => {
    const r = run(k);
    expect(r.leaked, r.output).toEqual([]);
    expect(r.overRedacted, r.output).toEqual([]);
    expect(r.missedFlags, r.output).toEqual([]);
    expect(r.refusedNeedlessly, r.output).toBe(false);
  });

  it('leak check catches the register identifiers in the raw text of every case that holds one', () => {
    const registerKinds = new Set([
      'lower-case',
      'apostrophe',
      'accents',
      'split-word',
      'invisible',
      'handle',
      'user-name',
      'email',
      'link',
      'initials',
      'date-of-birth',
      'nhs-number',
      'phone',
      'postcode',
      'address',
    ]);
    const missed = CORPUS.filter((k) => registerKinds.has(k.kind) && k.remove.length > 0)
      .filter((k) => run(k).leaksInRaw.length === 0)
      .map((k) => k.id);
    expect(missed).toEqual([]);
  });

  it('prints the three figures: leaked identifiers, needless refusals, over-redactions', () => {
    let leaked = 0;
    let refusals = 0;
    let over = 0;
    for (const k of CORPUS) {
      const r = run(k);
      leaked += r.leaked.length;
      refusals += r.refusedNeedlessly && r.leaked.length === 0 ? 1 : 0;
      over += r.overRedacted.length;
    }
    console.log(`pseudonymisation corpus (${CORPUS.length} cases): leaked identifiers ${leaked}, needless refusals ${refusals}, over-redactions ${over}`);
    expect(leaked).toBe(0);
    expect(refusals).toBe(0);
    expect(over).toBe(0);
  });
});
