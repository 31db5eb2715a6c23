/** The report: the lead reviewer's draft, assembly into blocks, Markdown rendering and the glossary. */
export * from './draft.js';
export * from './guidance.js';
export * from './glossary.js';
export * from './model.js';
export * from './assemble.js';
export * from './markdown.js';
export * from './record.js';
export * from './length.js';
