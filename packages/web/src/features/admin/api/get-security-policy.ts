import { queryOptions } from '@tanstack/react-query';
import type { SecurityPolicy } from '@leitai/core';
import { api } from '../../../lib/api';

export const securityPolicyKey = ['security', 'policy'] as const;
export const getSecurityPolicy = () => api.get<SecurityPolicy>('/security/policy');
export const securityPolicyQuery = () => queryOptions({ queryKey: securityPolicyKey, queryFn: getSecurityPolicy });
