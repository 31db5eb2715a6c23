/** The pseudonymiser and leak check: everything that leaves a review passes through these. */
export { createPseudonymiser, reportLabels, AMBIGUOUS_NAME, REMOVED, type Pseudonymiser } from './pseudonymiser.js';
export { findLeaks, type Leak, type OutgoingText } from './leakCheck.js';
export { ageOn } from './identifiers.js';
