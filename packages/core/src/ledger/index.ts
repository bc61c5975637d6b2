export * from './states.js';
export * from './schedule.js';
export * from './colour.js';
export * from './rate.js';
export * from './catalog.js';
