import { queryOptions } from '@tanstack/react-query';
import type { UnitView } from '@leitai/core';
import { api } from '../../../lib/api';

/** The units the department places cadres in (its subtree, active ones). */
export const unitOptionsQuery = () =>
  queryOptions({ queryKey: ['cadres-units'], queryFn: () => api.get<{ items: UnitView[] }>('/units') });
