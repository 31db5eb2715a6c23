/** The pseudonymisation pipeline and leak check: everything that leaves a review passes through these. */
export { createPseudonymiser, type Pseudonymiser } from './pseudonymiser.js';
export { createPipeline, type Pipeline, type PipelineOptions } from './pipeline.js';
export { reportLabels, AMBIGUOUS_NAME, REMOVED } from './labels.js';
export { findLeaks, type Leak, type OutgoingText, type LeakCheckOptions } from './leakCheck.js';
export { ageOn, isValidNhsNumber } from './identifiers.js';
export { normalise, foldKey } from './normalise.js';
export { ownTemplateTexts } from './templateTexts.js';
export { NICKNAME_SOURCE } from './nicknames.js';
export * from './findings.js';
export * from './redactionRecord.js';
