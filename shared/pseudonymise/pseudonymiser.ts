import type { Person } from '../people.js';
import { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.js';

/** Turns text from a review into text that may leave it (the pipeline, under its historical name). */
export type Pseudonymiser = Pipeline;

/**
 * The pipeline for a register, as every output uses it: the report, the chronology, workshop screens
 * and exports, the genogram export and the action plan all call this, never their own replacer.
 */
export function createPseudonymiser(people: readonly Person[], childPseudonym: string, opts: PipelineOptions = {}): Pseudonymiser {
  return createPipeline(people, childPseudonym, opts);
}
