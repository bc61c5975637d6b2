export * from './errors.js';
export * from './decimal.js';
export * from './rational.js';
