export * from './curve.js';
export * from './value.js';
export * from './score.js';
export * from './batch.js';
