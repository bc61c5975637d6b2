import { IdcardOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 干部名册 and 干部实绩档案: the organisation department's pages, and each person's own record. */
export const cadresFeature: Feature = {
  name: 'cadres',
  routes: [
    lazyRoute(
      'cadres',
      () => import('./register-page'),
      (m) => m.RegisterPage,
    ),
    lazyRoute(
      'cadres/:id/record',
      () => import('./record-page'),
      (m) => m.RecordPage,
    ),
    lazyRoute(
      'my-record',
      () => import('./record-page'),
      (m) => m.MinePage,
    ),
  ],
  menu: [
    {
      path: '/cadres',
      label: 'cadres:menu.register',
      icon: <IdcardOutlined />,
      permission: 'cadre.read',
      group: 'business',
      order: 90,
    },
    {
      path: '/my-record',
      label: 'cadres:menu.mine',
      icon: <SolutionOutlined />,
      // Officials who may be in the register (the organisation department opens records from the register).
      roles: ['unit_head', 'reporter', 'leader', 'organiser'],
      group: 'business',
      order: 95,
    },
  ],
};
