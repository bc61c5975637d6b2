import { AimOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 对标: our figures against the peers', per indicator, for the office, its leaders and units' heads. */
export const benchmarksFeature: Feature = {
  name: 'benchmarks',
  routes: [
    lazyRoute(
      'benchmarks',
      () => import('./board-page'),
      (m) => m.BenchmarksPage,
    ),
  ],
  menu: [
    {
      path: '/benchmarks',
      label: 'benchmarks:menu.board',
      icon: <AimOutlined />,
      permission: 'benchmark.read',
      group: 'business',
      order: 54,
    },
  ],
};
