/**
 * What the API answers, declared once: the server's modules return these shapes and the web reads
 * them, so a field renamed on one side is a type error on the other. Types only, no code. Where a
 * shape carries timestamps it takes their type as a parameter: `Date` where the server builds it,
 * the ISO text (the default) where the web receives it as JSON.
 */
export * from './dispatch.js';
export * from './arena.js';
export * from './ledger.js';
export * from './admin.js';
export * from './ratings.js';
export * from './evaluation.js';
export * from './delivery.js';
export * from './cadre.js';
export * from './supervision.js';
