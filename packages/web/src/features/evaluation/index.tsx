import { TrophyOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';
import { EvaluationPage } from './detail-page';
import { ExplainPage } from './explain-page';
import { EvaluationListPage } from './list-page';
import { ReviewPage } from './review-page';
import { EvaluationScreenPage } from './screen-page';

/** 综合考核: schemes, close, 公示 and appeals, published versions, and each unit's explanation. */
export const evaluationFeature: Feature = {
  name: 'evaluation',
  routes: [
    { path: 'evaluations', element: <EvaluationListPage /> },
    { path: 'evaluations/:id', element: <EvaluationPage /> },
    { path: 'evaluations/:id/units/:unitId', element: <ExplainPage /> },
  ],
  // A rater's phone: no account, the invitation code in the address.
  // The big screen: full-window, outside the shell, read with the screen computer's session.
  publicRoutes: [
    { path: '/review/:code', element: <ReviewPage /> },
    { path: '/evaluations/:id/screen', element: <EvaluationScreenPage /> },
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
