export * from './scheme.js';
export * from './components.js';
export * from './evaluate.js';
export * from './columnar.js';
