/** The review lifecycle: milestones per review, agency scoping, the Rapid Review record, terms of reference and their documents. */
export * from './limits.js';
export * from './fields.js';
export * from './access.js';
export * from './settings.js';
export * from './scoping.js';
export * from './rapidReviewRecord.js';
export * from './quorum.js';
export * from './termsOfReference.js';
export * from './plan.js';
export * from './reviewMilestones.js';
export * from './dashboard.js';
export * from './family.js';
export * from './documents/model.js';
export * from './documents/rapidReviewDocument.js';
export * from './documents/panelLetterDocument.js';
export * from './documents/termsOfReferenceDocument.js';
export * from './documents/scopingDocument.js';
