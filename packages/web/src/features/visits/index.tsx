import { ShopOutlined, CarOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 万企走访 / 包保: the office's register, 诉求 and coverage; the cadre's phone page; the enterprise's rating page. */
export const visitsFeature: Feature = {
  name: 'visits',
  routes: [
    lazyRoute(
      'visits',
      () => import('./office-page'),
      (m) => m.VisitsOfficePage,
    ),
    lazyRoute(
      'visits/mine',
      () => import('./mine-page'),
      (m) => m.MyVisitsPage,
    ),
  ],
  // The enterprise contact opens the link or QR sent to him: no account.
  publicRoutes: [
    lazyRoute(
      '/v/:code',
      () => import('./public-page'),
      (m) => m.PublicRequestPage,
    ),
  ],
  menu: [
    {
      path: '/visits',
      label: 'visits:menu.office',
      icon: <ShopOutlined />,
      permission: 'visit.read',
      group: 'business',
      order: 47,
    },
    {
      path: '/visits/mine',
      label: 'visits:menu.mine',
      icon: <CarOutlined />,
      permission: 'visit.record',
      group: 'business',
      order: 48,
    },
  ],
};
