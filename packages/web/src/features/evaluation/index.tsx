import { TrophyOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 综合考核: schemes, close, 公示 and appeals, published versions, and each unit's explanation. */
export const evaluationFeature: Feature = {
  name: 'evaluation',
  routes: [
    lazyRoute(
      'evaluations',
      () => import('./list-page'),
      (m) => m.EvaluationListPage,
    ),
    lazyRoute(
      'evaluations/:id',
      () => import('./detail-page'),
      (m) => m.EvaluationPage,
    ),
    lazyRoute(
      'evaluations/:id/units/:unitId',
      () => import('./explain-page'),
      (m) => m.ExplainPage,
    ),
  ],
  // A rater's phone: no account, the invitation code in the address.
  // The big screen: full-window, outside the shell, read with the screen computer's session.
  publicRoutes: [
    lazyRoute(
      '/review/:code',
      () => import('./review-page'),
      (m) => m.ReviewPage,
    ),
    lazyRoute(
      '/evaluations/:id/screen',
      () => import('./screen-page'),
      (m) => m.EvaluationScreenPage,
    ),
  ],
  menu: [
    {
      path: '/evaluations',
      label: 'evaluation:menu.evaluations',
      icon: <TrophyOutlined />,
      permission: 'evaluation.read',
      group: 'business',
      order: 50,
    },
  ],
};
