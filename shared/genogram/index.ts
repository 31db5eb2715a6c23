/** The genogram: its records and Yjs shape, rules, the family it draws, layout, line geometry and descriptions. */
export * from './limits.js';
export * from './model.js';
export * from './rules.js';
export * from './genogramDoc.js';
export * from './family.js';
export * from './layout.js';
export * from './geometry.js';
export * from './drawing.js';
export * from './drawingCheck.js';
export * from './segments.js';
export * from './describe.js';
