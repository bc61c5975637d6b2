export * from './scheme.js';
export * from './sources.js';
export * from './lifecycle.js';
export * from './results.js';
export * from './adjustments.js';
export * from './review.js';
