import { z } from 'zod';
import { WorkshopSetupSchema, WorkshopStateSchema, type WorkshopSetup } from '../../../shared/workshop/workshop.js';
import type { Control } from '../../../shared/workshop/transitions.js';
import { OutcomeReplySchema, type Outcome } from '../../../shared/workshop/outcome.js';
import { apiRequest } from '../api/client.js';

/**
 * The workshop REST API as the facilitator's screens use it (docs/api.md, "Workshop"). Responses are
 * checked with these schemas; the set-up and state schemas are the shared ones the server validates with.
 */

/** A workshop as GET /api/reviews/:id/workshops/:wid returns it. */
export const WorkshopViewSchema = z.object({
  id: z.string(),
  setup: WorkshopSetupSchema,
  state: WorkshopStateSchema,
  joinCode: z.string(),
  responsesExist: z.boolean(),
  /** Joining with the code alone (lower assurance) is allowed. */
  codeJoining: z.boolean().default(false),
  /** The invitation list: who was invited (as the lead reviewer labelled them) and whether the link was used. */
  invitations: z.array(z.object({ id: z.string(), label: z.string(), used: z.boolean() })).default([]),
});

/** GET /api/reviews/:id/workshops */
export const WorkshopListSchema = z.object({ workshops: z.array(WorkshopViewSchema) });

/** A coarse count: "fewer than k", or "at least N" (shared/workshop/anonymity.ts). */
export const CoarseCountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('below'), k: z.number() }),
  z.object({ kind: z.literal('at-least'), value: z.number() }),
]);

/** One prompt of GET …/responses: its current release (if any) and a coarse live count. */
export const PromptResultsSchema = z.object({
  id: z.string(),
  worksheet: z.number(),
  label: z.string(),
  text: z.string(),
  count: CoarseCountSchema,
  released: z.boolean(),
  releaseId: z.string().nullable(),
  fromInvitations: z.number(),
  fromCode: z.number(),
  codeCounted: z.boolean(),
  responses: z.array(z.object({ id: z.string(), text: z.string(), hidden: z.boolean() })),
});

/** GET …/responses */
export const ResultsSchema = z.object({ k: z.number(), codeJoining: z.boolean(), prompts: z.array(PromptResultsSchema) });

/** The live counts of one prompt (workshop:counts), coarse. */
export const PromptCountsSchema = z.object({ counted: CoarseCountSchema, invitations: CoarseCountSchema, code: CoarseCountSchema });

/** New invitation links (POST …/invitations): the secrets are shown once. */
export const NewInvitationsSchema = z.object({ invitations: z.array(z.object({ id: z.string(), label: z.string(), secret: z.string() })) });

/** GET …/private-requests */
export const PrivateRequestsSchema = z.object({ requests: z.array(z.object({ contact: z.string() })) });

/** A workshop as the facilitator's screens hold it. */
export type WorkshopView = z.infer<typeof WorkshopViewSchema>;
/** Results for one prompt. */
export type PromptResults = z.infer<typeof PromptResultsSchema>;
/** Results for every prompt. */
export type Results = z.infer<typeof ResultsSchema>;

/** The REST path of a review's workshops, or of one workshop. */
export function workshopPath(reviewId: string, workshopId?: string): string {
  const base = `/api/reviews/${encodeURIComponent(reviewId)}/workshops`;
  return workshopId ? `${base}/${encodeURIComponent(workshopId)}` : base;
}

/** Creates a workshop on an ISO date; answers its id. */
export function createWorkshop(reviewId: string, dateIso: string): Promise<{ id: string }> {
  return apiRequest('POST', workshopPath(reviewId), { body: { date: dateIso }, schema: z.object({ id: z.string() }) });
}

/** Saves the whole set-up; answers the updated workshop. */
export function saveSetup(reviewId: string, workshopId: string, setup: WorkshopSetup): Promise<WorkshopView> {
  return apiRequest('PUT', `${workshopPath(reviewId, workshopId)}/setup`, { body: setup, schema: WorkshopViewSchema });
}

/** Applies a facilitator control; answers the updated workshop. */
export function controlWorkshop(reviewId: string, workshopId: string, control: Control): Promise<WorkshopView> {
  return apiRequest('POST', `${workshopPath(reviewId, workshopId)}/control`, { body: control, schema: WorkshopViewSchema });
}

/** Hides a response from views and exports, or shows it again. */
export function setResponseHidden(reviewId: string, workshopId: string, promptId: string, slot: string, hidden: boolean): Promise<unknown> {
  return apiRequest('POST', `${workshopPath(reviewId, workshopId)}/responses/${encodeURIComponent(promptId)}/${encodeURIComponent(slot)}/hidden`, { body: { hidden } });
}

/** The saved outcome of a workshop and its version (GET …/outcome). */
export function loadOutcome(reviewId: string, workshopId: string): Promise<{ outcome: Outcome; version: number }> {
  return apiRequest('GET', `${workshopPath(reviewId, workshopId)}/outcome`, { schema: OutcomeReplySchema });
}

/** Saves the whole outcome edited from `baseVersion`; a 409 means someone else saved first (PUT …/outcome). */
export function saveOutcome(reviewId: string, workshopId: string, baseVersion: number, outcome: Outcome): Promise<{ outcome: Outcome; version: number }> {
  return apiRequest('PUT', `${workshopPath(reviewId, workshopId)}/outcome`, { body: { baseVersion, outcome }, schema: OutcomeReplySchema });
}

/** Releases a prompt's answers to staff now (409 below k). */
export function releasePrompt(reviewId: string, workshopId: string, promptId: string): Promise<unknown> {
  return apiRequest('POST', `${workshopPath(reviewId, workshopId)}/responses/${encodeURIComponent(promptId)}/release`, { body: {} });
}

/** Adds practitioners to the invitation list; answers their new links' secrets (shown once). */
export function createInvitations(reviewId: string, workshopId: string, labels: string[]): Promise<z.infer<typeof NewInvitationsSchema>> {
  return apiRequest('POST', `${workshopPath(reviewId, workshopId)}/invitations`, { body: { labels }, schema: NewInvitationsSchema });
}

/** Gives an unused invitation a new link (the old one stops working). */
export function renewInvitation(reviewId: string, workshopId: string, invitationId: string): Promise<z.infer<typeof NewInvitationsSchema>> {
  return apiRequest('POST', `${workshopPath(reviewId, workshopId)}/invitations/${encodeURIComponent(invitationId)}/link`, { body: {}, schema: NewInvitationsSchema });
}

/** Turns joining with the code alone on or off; answers the updated workshop. */
export function setCodeJoining(reviewId: string, workshopId: string, on: boolean): Promise<WorkshopView> {
  return apiRequest('PUT', `${workshopPath(reviewId, workshopId)}/code-joining`, { body: { on }, schema: WorkshopViewSchema });
}

/** The personal link of an invitation: the secret travels in the fragment, which browsers never send to the server. */
export function invitationLink(origin: string, workshopId: string, secret: string): string {
  return `${origin}/join/${encodeURIComponent(workshopId)}#invitation=${secret}`;
}
