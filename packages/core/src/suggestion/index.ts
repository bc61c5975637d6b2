export * from './catalog.js';
export * from './rules.js';
