import { queryOptions } from '@tanstack/react-query';
import type { DeadLetterView } from '@leitai/core';
import { api } from '../../../lib/api';
import { deliveryKey } from './keys';

export type DeadLetter = DeadLetterView;

export const getDeadLetters = () => api.get<{ items: DeadLetter[] }>('/delivery/dead-letters');
export const deadLettersQuery = () =>
  queryOptions({ queryKey: [...deliveryKey, 'dead-letters'], queryFn: getDeadLetters });
export const retryDeadLetter = (id: number) => api.post<{ ok: true }>(`/delivery/dead-letters/${id}/retry`);
