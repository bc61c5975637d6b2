import { CalendarOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';
import { CalendarPage } from './calendar-page';

export const calendarFeature: Feature = {
  name: 'calendar',
  routes: [{ path: 'calendar', element: <CalendarPage /> }],
  menu: [
    {
      path: '/calendar',
      label: 'calendar:menu.calendar',
      icon: <CalendarOutlined />,
      permission: 'calendar.manage',
      group: 'admin',
      order: 90,
    },
  ],
};
