export { buildApp } from './app.js';
export { loadConfig, type Config } from './config.js';
export { openDatabase, type Database, type Db } from './db/client.js';
// For the benches, which sign in as an account they insert themselves.
export { hashPassword } from './modules/auth/index.js';
// For the evaluation close bench (bench/src/evaluation.ts): the real close, as the route calls it.
export { closeEvaluation, createEvaluation } from './modules/evaluation/index.js';
export { recordAudit, sealAll, startSealer, verifyAuditChain } from './modules/audit/index.js';
