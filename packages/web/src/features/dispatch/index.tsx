import { DashboardOutlined, FormOutlined, SettingOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';
import { BoardPage } from './board-page';
import { ReportPage } from './report-page';
import { SetupPage } from './setup-page';
import { UnitPage } from './unit-page';

/** 一月一调度: the board for the office and leaders, a unit's own page and monthly form, the office's set-up. */
export const dispatchFeature: Feature = {
  name: 'dispatch',
  routes: [
    { path: 'dispatch/board', element: <BoardPage /> },
    { path: 'dispatch/unit', element: <UnitPage /> },
    { path: 'dispatch/unit/:unitId', element: <UnitPage /> },
    { path: 'dispatch/report/:unitId/:period', element: <ReportPage /> },
    { path: 'dispatch/setup', element: <SetupPage /> },
  ],
  menu: [
    {
      path: '/dispatch/board',
      label: 'dispatch:menu.board',
      icon: <DashboardOutlined />,
      permission: 'board.read',
      group: 'business',
      order: 10,
    },
    {
      path: '/dispatch/unit',
      label: 'dispatch:menu.unit',
      icon: <FormOutlined />,
      roles: ['unit_head', 'reporter'],
      group: 'business',
      order: 11,
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
