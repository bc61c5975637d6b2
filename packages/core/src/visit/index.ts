export * from './catalog.js';
export * from './credit-code.js';
export * from './coverage.js';
export * from './request.js';
