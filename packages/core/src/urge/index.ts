export * from './urge.js';
