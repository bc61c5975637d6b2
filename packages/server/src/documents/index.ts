export * from './word.js';
export * from './read.js';
