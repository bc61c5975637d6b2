import { download } from '../../../lib/api';
import { queryString } from '../../../lib/query-string';
import type { LedgerFilter } from './get-items';

export const exportItems = (f: LedgerFilter) => download(`/ledger/export${queryString({ ...f })}`);
