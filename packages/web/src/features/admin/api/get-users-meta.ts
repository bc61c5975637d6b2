import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { UsersMeta } from '../types';

export const usersMetaKey = ['admin', 'users-meta'] as const;
export const getUsersMeta = () => api.get<UsersMeta>('/users/meta');
export const usersMetaQuery = () => queryOptions({ queryKey: usersMetaKey, queryFn: getUsersMeta });
