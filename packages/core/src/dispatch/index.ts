export * from './period.js';
export * from './report-state.js';
export * from './validate.js';
export * from './reminder.js';
export * from './standing.js';
export * from './sentence.js';
