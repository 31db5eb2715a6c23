import { z } from 'zod';
import type { IdentifierKind } from './identifiers.js';
import type { NameTerm } from './nameTerms.js';
import type { FlagKind } from './flags.js';
import { foldKey } from './normalise.js';

/** What a finding is: a register name kind, an identifier family, or a flag kind. */
export type FindingKind = NameTerm['kind'] | IdentifierKind | FlagKind;

/** One replacement or flag in one text, as an original span. */
export type Finding = {
  /** Stable across exports: the kind and the folded text, hashed, so a decision applies wherever the same text recurs. */
  id: string;
  start: number;
  end: number;
  kind: FindingKind;
  /** True for a likely name the register does not hold, which the reviewer must decide. */
  flag: boolean;
  /** What the pipeline puts in its place (after any decision). */
  replacement: string;
  /** The proposal before any decision (the label, marker or suggestion). */
  proposed: string;
  /** True when the reviewer has decided this finding. */
  decided: boolean;
};

/** A reviewer's decision on one finding. */
export const RedactionActionSchema = z.enum(['accept', 'replace', 'not-identifying', 'redact']);

/** Longest replacement a reviewer may type. */
export const MAX_REPLACEMENT_CHARS = 120;

/** Most decisions in one request. */
export const MAX_DECISIONS_PER_REQUEST = 2000;

/** One decision as posted: accept, change the replacement, mark as not identifying, or redact. */
export const RedactionDecisionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z-]+-[0-9a-z]{1,16}$/)
      .max(64),
    action: RedactionActionSchema,
    replacement: z.string().trim().min(1).max(MAX_REPLACEMENT_CHARS).optional(),
  })
  .refine((d) => d.action !== 'replace' || !!d.replacement, { message: 'a replacement is needed to change one', path: ['replacement'] });

/** The body of POST …/redaction-review/decisions. */
export const RedactionDecisionsBodySchema = z.strictObject({ decisions: z.array(RedactionDecisionSchema).min(1).max(MAX_DECISIONS_PER_REQUEST) });

/** A decision. */
export type RedactionDecision = z.infer<typeof RedactionDecisionSchema>;

/** Which output a redaction review is for. */
export const RedactionOutputSchema = z.enum(['report', 'chronology', 'workshop']);

/** An output under review. */
export type RedactionOutput = z.infer<typeof RedactionOutputSchema>;

/** FNV-1a, 52 bits, base 36: short stable ids without pulling a crypto module into shared code. */
function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x0100019d) >>> 0;
  }
  return ((h1 >>> 0) * 0x100000 + (h2 & 0xfffff)).toString(36);
}

/** The stable id of a finding of `kind` over `text`. */
export function findingId(kind: FindingKind, text: string): string {
  return `${kind}-${hash(foldKey(text))}`;
}
