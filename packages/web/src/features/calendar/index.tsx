import { CalendarOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

export const calendarFeature: Feature = {
  name: 'calendar',
  routes: [
    lazyRoute(
      'calendar',
      () => import('./calendar-page'),
      (m) => m.CalendarPage,
    ),
  ],
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
