import { DashboardOutlined, FormOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 一月一调度: the board for the office and leaders, a unit's own page and monthly form, the office's set-up. */
export const dispatchFeature: Feature = {
  name: 'dispatch',
  routes: [
    lazyRoute(
      'dispatch/board',
      () => import('./board-page'),
      (m) => m.BoardPage,
    ),
    lazyRoute(
      'dispatch/unit',
      () => import('./unit-page'),
      (m) => m.UnitPage,
    ),
    lazyRoute(
      'dispatch/unit/:unitId',
      () => import('./unit-page'),
      (m) => m.UnitPage,
    ),
    lazyRoute(
      'dispatch/report/:unitId/:period',
      () => import('./report-page'),
      (m) => m.ReportPage,
    ),
    lazyRoute(
      'dispatch/setup',
      () => import('./setup-page'),
      (m) => m.SetupPage,
    ),
  ],
  menu: [
    {
      path: '/dispatch/board',
      label: 'dispatch:menu.board',
      icon: <DashboardOutlined />,
      permission: 'board.read',
      group: 'business',
      order: 10,
      also: ['/dispatch/report'],
    },
    {
      path: '/dispatch/unit',
      label: 'dispatch:menu.unit',
      icon: <FormOutlined />,
      roles: ['unit_head', 'reporter'],
      group: 'business',
      order: 11,
      also: ['/dispatch/report'],
    },
    {
      path: '/dispatch/setup',
      label: 'dispatch:menu.setup',
      icon: <SettingOutlined />,
      permission: 'campaign.manage',
      group: 'business',
      order: 12,
    },
  ],
};
