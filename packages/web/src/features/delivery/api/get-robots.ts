import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { RobotView } from '@leitai/core';
import { deliveryKey } from './keys';

export type { RobotView as Robot } from '@leitai/core';

export const getRobots = () => api.get<{ items: RobotView[] }>('/delivery/robots');
export const robotsQuery = () => queryOptions({ queryKey: [...deliveryKey, 'robots'], queryFn: getRobots });
