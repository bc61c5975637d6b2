import { download } from '../../../lib/api';
import { queryString } from '../../../lib/query-string';
import type { AuditFilter } from './get-audit';

export const exportAudit = (filter: AuditFilter) => download(`/audit/export${queryString({ ...filter })}`);
