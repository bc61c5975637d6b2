export * from './catalog.js';
export * from './cards.js';
export * from './ladder.js';
export * from './plan.js';
export * from './portfolio.js';
