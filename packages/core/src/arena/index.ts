export * from './scheme.js';
export * from './submission.js';
export * from './aggregate.js';
export * from './normalise.js';
export * from './score.js';
export * from './columnar.js';
export * from './labels.js';
export * from './rule.js';
