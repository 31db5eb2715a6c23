/** The chronology model: dates with precision, entries, ordering, validation, filtering and Yjs shapes. */
export * from './limits.js';
export * from './chronologyDate.js';
export * from './parseDate.js';
export * from './categories.js';
export * from './entry.js';
export * from './order.js';
export * from './validate.js';
export * from './filter.js';
export * from './chronologyDoc.js';
export * from './teamDoc.js';
export * from './integrate.js';
export * from './orgChanges.js';
export * from './headers.js';
export * from './contactText.js';
export * from './importRows.js';
export * from './excelDate.js';
