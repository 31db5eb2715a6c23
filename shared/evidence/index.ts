/** The local review's evidence: requests, submission and sign-off, query threads, key themes, and the agency documents (Documents 11–15a). */
export * from './limits.js';
export * from './kinds.js';
export * from './status.js';
export * from './access.js';
export * from './deadlines.js';
export * from './request.js';
export * from './queries.js';
export * from './themes.js';
export * from './worklist.js';
export * from './sectionDoc.js';
export * from './learningTemplate.js';
export * from './informationReport.js';
export * from './guidance.js';
export * from './milestones.js';
export * from './documents/requestLetterDocument.js';
export * from './documents/agencyEvidenceDocument.js';
export * from './trace.js';
