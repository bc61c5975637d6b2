export * from './official.js';
