import { queryOptions } from '@tanstack/react-query';
import type { CadreView } from '@leitai/core';
import { api } from '../../../lib/api';
import { cadresKey } from './keys';

export const cadresQuery = () =>
  queryOptions({ queryKey: [...cadresKey, 'list'], queryFn: () => api.get<{ items: CadreView[] }>('/cadres') });
