/** The chronology domain: dates with precision, entries, ordering, filters, import planning and Y shapes. */
export * from './chronologyDate.js';
export * from './categories.js';
export * from './entry.js';
export * from './ordering.js';
export * from './integrate.js';
export * from './headers.js';
export * from './importRows.js';
export * from './chronologyDoc.js';
