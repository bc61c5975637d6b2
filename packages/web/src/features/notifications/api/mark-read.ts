import { api } from '../../../lib/api';

/** Marks the given notices read, or all of them. */
export const markRead = (ids?: number[]) => api.post('/notifications/read', ids ? { ids } : {});
