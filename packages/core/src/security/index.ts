export * from './policy.js';
export * from './password.js';
export * from './lockout.js';
