import { api } from '../../../lib/api';
import type { VerifyResult } from '../types';

/** Walks the hash chain on the server. */
export const verifyAudit = () => api.get<VerifyResult>('/audit/verify');
