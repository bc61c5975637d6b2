// Every feature's tables, for Drizzle's relational API and drizzle-kit. One line per feature file.
export * from './identity.js';
export * from './audit.js';
export * from './files.js';
export * from './arena.js';
export * from './ledger.js';
export * from './notifications.js';
export * from './dispatch.js';
export * from './outbox.js';
export * from './ratings.js';
export * from './evaluation.js';
export * from './projects.js';
export * from './visits.js';
export * from './delivery.js';
export * from './documents.js';
export * from './cadres.js';
export * from './suggestions.js';
export * from './benchmarks.js';
