export * from './word.js';
export * from './read.js';
export * from './pdf.js';
