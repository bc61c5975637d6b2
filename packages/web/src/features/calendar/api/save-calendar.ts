import { api } from '../../../lib/api';
import type { CalendarData } from './get-calendar';

/** Core validates the whole year on the server. */
export const saveCalendar = (calendar: CalendarData) => api.put<CalendarData>('/calendar', calendar);
