import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Retention } from '../types';

export const auditActionsKey = ['audit', 'actions'] as const;
export const getAuditActions = () => api.get<{ items: string[]; retention: Retention }>('/audit/actions');
export const auditActionsQuery = () => queryOptions({ queryKey: auditActionsKey, queryFn: getAuditActions });
