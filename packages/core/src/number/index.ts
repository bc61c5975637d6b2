export * from './errors.js';
export * from './decimal.js';
