import type { SecurityPolicy } from '@leitai/core';
import { api } from '../../../lib/api';

export const saveSecurityPolicy = (policy: SecurityPolicy) => api.put<SecurityPolicy>('/security/policy', policy);
