import { LikeOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 群众评价 (好差评): the office's figures, queues and appeals; a unit's own ratings, call-backs and points. */
export const ratingsFeature: Feature = {
  name: 'ratings',
  routes: [
    lazyRoute(
      'ratings',
      () => import('./ratings-page'),
      (m) => m.RatingsPage,
    ),
  ],
  menu: [
    {
      path: '/ratings',
      label: 'ratings:menu.ratings',
      icon: <LikeOutlined />,
      permission: 'rating.read',
      group: 'business',
      order: 45,
    },
  ],
};
