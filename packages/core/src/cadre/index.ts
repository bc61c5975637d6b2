export * from './kinds.js';
export * from './record.js';
