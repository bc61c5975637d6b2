import { CalendarOutlined } from '@ant-design/icons';
import type { Feature } from '../../app/feature';
import { CalendarPage } from './calendar-page';

export const calendarFeature: Feature = {
  name: 'calendar',
  routes: [{ path: 'calendar', element: <CalendarPage /> }],
  menu: [{ path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, permission: 'calendar.manage', group: '系统管理', order: 90 }],
};
