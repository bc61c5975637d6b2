/** The audit module's face: what other modules may call. Everything else in this folder is private. */
export { recordAudit, setAuditAlgorithm, type AuditActor, type AuditEvent } from './service.js';
export { verifyAuditChain, type VerifyResult } from './verify.js';
