import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { queryString } from '../../../lib/query-string';
import type { AuditEntry, Retention } from '../types';

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export const auditKey = (filter: AuditFilter, page: number) => ['audit', filter, page] as const;
export const getAudit = (filter: AuditFilter, page: number, pageSize: number) =>
  api.get<{ items: AuditEntry[]; total: number; retention: Retention }>(
    `/audit${queryString({ ...filter, page, pageSize })}`,
  );
export const auditQuery = (filter: AuditFilter, page: number, pageSize: number) =>
  queryOptions({
    queryKey: auditKey(filter, page),
    queryFn: () => getAudit(filter, page, pageSize),
    placeholderData: (previous) => previous,
  });
