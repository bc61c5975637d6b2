export * from './profile.js';
export * from './warning.js';
export * from './milestone.js';
export * from './batch.js';
export * from './escalation.js';
