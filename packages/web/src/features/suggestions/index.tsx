import { BulbOutlined, EditOutlined } from '@ant-design/icons';
import { lazyRoute, type Feature } from '../../lib/feature';

/** 金点子 / 建言献策: the office's rounds and results; everyone's submissions and reviews; the public's link. */
export const suggestionsFeature: Feature = {
  name: 'suggestions',
  routes: [
    lazyRoute(
      'suggestions',
      () => import('./office-page'),
      (m) => m.SuggestionsOfficePage,
    ),
    lazyRoute(
      'suggestions/mine',
      () => import('./mine-page'),
      (m) => m.MySuggestionsPage,
    ),
  ],
  // The public opens the link or QR the office gives out: no account.
  publicRoutes: [
    lazyRoute(
      '/s/:code',
      () => import('./public-page'),
      (m) => m.PublicSuggestionPage,
    ),
  ],
  menu: [
    {
      path: '/suggestions',
      label: 'suggestions:menu.office',
      icon: <BulbOutlined />,
      permission: 'suggestion.read',
      group: 'business',
      order: 52,
    },
    {
      path: '/suggestions/mine',
      label: 'suggestions:menu.mine',
      icon: <EditOutlined />,
      permission: 'suggestion.submit',
      group: 'business',
      order: 53,
    },
  ],
};
