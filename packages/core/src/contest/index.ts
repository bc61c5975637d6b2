export * from './draw.js';
export * from './host.js';
export * from './recusal.js';
export * from './judging.js';
