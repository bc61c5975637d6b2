import { TrophyOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 擂台赛: organiser pages in the shell; the judge's phone and the big screen outside it (no account). */
export const arenaFeature: Feature = {
  name: 'arena',
  routes: [
    lazyRoute(
      'arenas',
      () => import('./list-page'),
      (m) => m.ArenaListPage,
    ),
    lazyRoute(
      'arenas/:id/host',
      () => import('./host-page'),
      (m) => m.HostPage,
    ),
    lazyRoute(
      'arenas/:id/result',
      () => import('./result-page'),
      (m) => m.ResultPage,
    ),
    lazyRoute(
      'arenas/:id/brief',
      () => import('./brief-page'),
      (m) => m.BriefPage,
    ),
  ],
  menu: [
    {
      path: '/arenas',
      label: 'arena:menu.list',
      icon: <TrophyOutlined />,
      permission: 'arena.read',
      group: 'business',
      order: 30,
    },
  ],
  publicRoutes: [
    lazyRoute(
      '/judge',
      () => import('./judge-page'),
      (m) => m.JudgePage,
    ),
    lazyRoute(
      '/screen/:token',
      () => import('./screen-page'),
      (m) => m.ScreenPage,
    ),
  ],
};
