import { CheckSquareOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/**
 * 擂台赛: organiser pages in the shell, and an account judge's home and scoring page; the outside judge's
 * phone and the big screen outside it (no account).
 */
export const arenaFeature: Feature = {
  name: 'arena',
  routes: [
    lazyRoute(
      'judging',
      () => import('./judging-page'),
      (m) => m.JudgingListPage,
    ),
    lazyRoute(
      'judging/:id',
      () => import('./judging-page'),
      (m) => m.AccountJudgePage,
    ),
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
    {
      path: '/judging',
      label: 'arena:judging.title',
      icon: <CheckSquareOutlined />,
      roles: ['judge'],
      group: 'business',
      order: 31,
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
