/** The calendar module's face: the working-day calendar every deadline counts on (DESIGN §3.6). */
export { calendarData, loadCalendar, saveCalendar } from './service.js';
export { CN_2026 } from './cn-holidays.js';
