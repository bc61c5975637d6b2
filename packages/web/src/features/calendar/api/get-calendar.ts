import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface CalendarData {
  holidays: string[];
  workingWeekends: string[];
}

export const calendarKey = ['calendar'] as const;
export const getCalendar = () => api.get<CalendarData>('/calendar');
export const calendarQuery = () => queryOptions({ queryKey: calendarKey, queryFn: getCalendar });
