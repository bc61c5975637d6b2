import type { DemoSeeder } from './index.js';
import { CN_2026, saveCalendar } from '../modules/calendar/index.js';

export const calendarSeeder: DemoSeeder = {
  name: '2026 working-day calendar',
  seed: async (tx) => {
    await saveCalendar(tx, { id: null, name: 'demo', address: null }, CN_2026);
  },
};
