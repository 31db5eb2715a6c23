import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { MAX_LABEL_CHARS } from '../limits.js';
import { MAX_COORDINATE, MAX_HOUSEHOLD_MEMBERS } from './limits.js';

/**
 * The genogram's own records. People are not here: they are the people register (shared/people.ts),
 * referenced by id. The genogram adds relationships between them, households, a birth status for
 * pregnancies and losses, and the positions people were dragged to.
 */

/** A people-register id, with the bounds PersonSchema uses. */
export const PersonRefSchema = z.string().min(1).max(64);

/** How a couple stands: married (solid), cohabiting (dashed), separated (one slash), divorced (two slashes), ended. */
export const PartnershipKindSchema = z.enum(['married', 'cohabiting', 'separated', 'divorced', 'ended']);
/** How a couple stands. */
export type PartnershipKind = z.infer<typeof PartnershipKindSchema>;

/** How a child is linked to a parent or couple: birth (solid), adopted (dashed), foster (dotted), step. */
export const ChildLinkKindSchema = z.enum(['birth', 'adopted', 'foster', 'step']);
/** How a child is linked to a parent or couple. */
export type ChildLinkKind = z.infer<typeof ChildLinkKindSchema>;

/** The kinds of relationship line drawn between two people: abuse (directed) and emotional quality. */
export const LineKindSchema = z.enum(['domestic-abuse', 'physical-abuse', 'sexual-abuse', 'emotional-abuse', 'neglect', 'conflict', 'close', 'distant', 'cut-off']);
/** A kind of relationship line. */
export type LineKind = z.infer<typeof LineKindSchema>;

/** The abuse kinds: drawn with an arrow from the person harming to the person harmed by default. */
export const ABUSE_KINDS: readonly LineKind[] = ['domestic-abuse', 'physical-abuse', 'sexual-abuse', 'emotional-abuse', 'neglect'];

/** A couple. `a` and `b` are people; the order carries no meaning. */
export const PartnershipSchema = z.object({
  type: z.literal('partnership'),
  id: IdSchema,
  a: PersonRefSchema,
  b: PersonRefSchema,
  kind: PartnershipKindSchema,
});
/** A couple. */
export type Partnership = z.infer<typeof PartnershipSchema>;

/**
 * A child's link to a parent: either to a couple (`parentType` 'partnership', `parent` is the
 * partnership's id), so the child hangs from the couple's line, or to one person (`parentType`
 * 'person'), as with an unknown other parent or a single foster carer.
 */
export const ParentChildSchema = z.object({
  type: z.literal('parent-child'),
  id: IdSchema,
  parentType: z.enum(['person', 'partnership']),
  parent: PersonRefSchema,
  child: PersonRefSchema,
  kind: ChildLinkKindSchema,
});
/** A child's link to a parent or couple. */
export type ParentChild = z.infer<typeof ParentChildSchema>;

/** A relationship line from one person to another; `directed` draws an arrow towards `to`. */
export const LineSchema = z.object({
  type: z.literal('line'),
  id: IdSchema,
  from: PersonRefSchema,
  to: PersonRefSchema,
  kind: LineKindSchema,
  directed: z.boolean(),
});
/** A relationship line. */
export type Line = z.infer<typeof LineSchema>;

/** Two children of the same parents born together; identical twins are joined by a bar. */
export const TwinsSchema = z.object({
  type: z.literal('twins'),
  id: IdSchema,
  a: PersonRefSchema,
  b: PersonRefSchema,
  identical: z.boolean(),
});
/** Twins. */
export type Twins = z.infer<typeof TwinsSchema>;

/** Any relationship kept in the genogram document. */
export const RelationshipSchema = z.discriminatedUnion('type', [PartnershipSchema, ParentChildSchema, LineSchema, TwinsSchema]);
/** Any relationship kept in the genogram document. */
export type Relationship = z.infer<typeof RelationshipSchema>;

/** Who lives with whom: drawn as an outline round its members. A person may be in several. */
export const HouseholdSchema = z.object({
  id: IdSchema,
  label: z.string().trim().min(1).max(MAX_LABEL_CHARS),
  memberIds: z
    .array(PersonRefSchema)
    .max(MAX_HOUSEHOLD_MEMBERS)
    .refine((ids) => new Set(ids).size === ids.length, 'must not list a person twice'),
});
/** A household. */
export type Household = z.infer<typeof HouseholdSchema>;

/** A position on the drawing, in drawing units (top-left of the person's box). */
export const PointSchema = z.object({
  x: z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE),
  y: z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE),
});
/** A position on the drawing. */
export type Point = z.infer<typeof PointSchema>;

/**
 * Whether a person was born: a person in the register may also stand for a pregnancy, a miscarriage
 * or a stillbirth, which the genogram draws with their own symbols. Absent means born.
 */
export const BirthStatusSchema = z.enum(['born', 'pregnancy', 'miscarriage', 'stillbirth']);
/** Whether a person was born. */
export type BirthStatus = z.infer<typeof BirthStatusSchema>;

/** Everything the genogram document holds, as read and validated. */
export type GenogramData = {
  relationships: Relationship[];
  households: Household[];
  /** Manual position overrides, keyed by person id. */
  positions: Map<string, Point>;
  /** Birth status of people who are not simply born, keyed by person id. */
  birthStatus: Map<string, BirthStatus>;
};

/** Labels for partnership kinds (en-GB). */
export const PARTNERSHIP_LABELS: Record<PartnershipKind, string> = {
  married: 'Married',
  cohabiting: 'Living together',
  separated: 'Separated',
  divorced: 'Divorced',
  ended: 'Relationship ended',
};

/** Labels for child link kinds. */
export const CHILD_LINK_LABELS: Record<ChildLinkKind, string> = {
  birth: 'Birth child',
  adopted: 'Adopted',
  foster: 'Fostered',
  step: 'Step-child',
};

/** Labels for relationship lines. */
export const LINE_LABELS: Record<LineKind, string> = {
  'domestic-abuse': 'Domestic abuse',
  'physical-abuse': 'Physical abuse',
  'sexual-abuse': 'Sexual abuse',
  'emotional-abuse': 'Emotional abuse',
  neglect: 'Neglect',
  conflict: 'Conflict',
  close: 'Close',
  distant: 'Distant',
  'cut-off': 'Cut off',
};

/** Labels for birth statuses. */
export const BIRTH_STATUS_LABELS: Record<BirthStatus, string> = {
  born: 'Born',
  pregnancy: 'Pregnancy',
  miscarriage: 'Miscarriage',
  stillbirth: 'Stillbirth',
};
