/** The audit module's face: what other modules may call. Everything else in this folder is private. */
export { recordAudit, type AuditActor, type AuditEvent } from './service.js';
export { configureAuditChain } from './chain.js';
export { startCheckpoints } from './checkpoints.js';
export { verifyAuditChain } from './verify.js';
export { sealAll, startSealer } from './sealer.js';
