import { TrophyOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';
import { ArenaListPage } from './list-page';
import { HostPage } from './host-page';
import { ResultPage } from './result-page';
import { BriefPage } from './brief-page';
import { JudgePage } from './judge-page';
import { ScreenPage } from './screen-page';

/** 擂台赛: organiser pages in the shell; the judge's phone and the big screen outside it (no account). */
export const arenaFeature: Feature = {
  name: 'arena',
  routes: [
    { path: 'arenas', element: <ArenaListPage /> },
    { path: 'arenas/:id/host', element: <HostPage /> },
    { path: 'arenas/:id/result', element: <ResultPage /> },
    { path: 'arenas/:id/brief', element: <BriefPage /> },
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
    { path: '/judge', element: <JudgePage /> },
    { path: '/screen/:token', element: <ScreenPage /> },
  ],
};
