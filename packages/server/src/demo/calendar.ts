import type { DemoSeeder } from './index.js';
import { CN_2026 } from '../modules/calendar/cn-holidays.js';
import { saveCalendar } from '../modules/calendar/service.js';

export const calendarSeeder: DemoSeeder = {
  name: '2026 working-day calendar',
  seed: async (tx) => {
    await saveCalendar(tx, { id: null, name: 'demo', address: null }, CN_2026);
  },
};
